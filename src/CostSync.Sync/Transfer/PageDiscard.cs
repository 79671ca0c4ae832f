using System.Runtime.InteropServices;

namespace CostSync.Sync.Transfer;

/// <summary>
/// Hands the memory pages of a pinned array back to the operating system while the array itself stays (Linux
/// <c>madvise(MADV_DONTNEED)</c>): its resident memory drops at once, and the pages come back, zero-filled, when they are next
/// written. Unlike dropping the array, this frees the memory even while something still holds a reference to it (an idle pooled
/// HTTP connection's socket keeps the last buffer it read into or wrote from), and it needs no garbage collection.
/// </summary>
internal static class PageDiscard
{
    private const int MadviseDontNeed = 4;

    /// <summary>Whether pages can be discarded here (Linux); elsewhere the arena drops its arrays instead.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>
    /// Discards the whole pages inside <paramref name="pinned"/> (which must be pinned, e.g. on the pinned object heap); the page
    /// holding the array's header is never touched. Returns false when the operating system refused.
    /// </summary>
    public static bool TryDiscard(byte[] pinned)
    {
        if (!IsSupported || pinned.Length == 0)
        {
            return false;
        }

        var page = (nint)Environment.SystemPageSize;
        var start = Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0);
        var first = (start + page - 1) & ~(page - 1);
        var end = (start + pinned.Length) & ~(page - 1);
        return end <= first || Native.Madvise(first, (nuint)(end - first), MadviseDontNeed) == 0;
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "madvise")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Madvise(nint address, nuint length, int advice);
    }
}
