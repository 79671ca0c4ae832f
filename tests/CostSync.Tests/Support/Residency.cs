using System.Runtime.InteropServices;

namespace CostSync.Tests.Support;

/// <summary>How many memory pages of a pinned array are resident, from the kernel (Linux <c>mincore</c>).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class Residency
{
    /// <summary>The whole pages within <paramref name="length"/> bytes of <paramref name="pinned"/> from <paramref name="offset"/>.</summary>
    public static int WholePages(byte[] pinned, int offset, int length)
    {
        var (first, end) = PageRange(pinned, offset, length);
        return (int)((end - first) / Environment.SystemPageSize);
    }

    /// <summary>Resident whole pages within <paramref name="length"/> bytes of <paramref name="pinned"/> from <paramref name="offset"/>.</summary>
    public static int ResidentPages(byte[] pinned, int offset, int length)
    {
        var (first, end) = PageRange(pinned, offset, length);
        if (end <= first)
        {
            return 0;
        }

        var pages = new byte[(end - first) / Environment.SystemPageSize];
        if (Native.Mincore(first, (nuint)(end - first), pages) != 0)
        {
            throw new InvalidOperationException($"mincore failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return pages.Count(p => (p & 1) != 0);
    }

    private static (nint First, nint End) PageRange(byte[] pinned, int offset, int length)
    {
        var page = (nint)Environment.SystemPageSize;
        var start = Marshal.UnsafeAddrOfPinnedArrayElement(pinned, offset);
        var first = (start + page - 1) & ~(page - 1);
        var end = (start + length) & ~(page - 1);
        return (first, Math.Max(first, end));
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "mincore", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Mincore(nint address, nuint length, byte[] vector);
    }
}
