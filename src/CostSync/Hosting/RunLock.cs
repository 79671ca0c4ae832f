using System.Globalization;
using CostSync.State;

namespace CostSync.Hosting;

/// <summary>
/// The cross-process lock: <c>costsync.lock</c> in the state directory, opened with <see cref="FileShare.None"/>
/// (an exclusive <c>flock</c> on Linux, released by the kernel if the process dies).
/// </summary>
/// <remarks>
/// A locked file cannot be read by the waiting process on Linux, so the holder also writes who it is to
/// <c>costsync.lock.owner</c>, which the second process quotes.
/// </remarks>
internal sealed class RunLock(StateStore store, TimeProvider timeProvider)
{
    public const string FileName = "costsync.lock";
    public const string OwnerFileName = "costsync.lock.owner";
    private const int WouldBlock = 11;
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);

    /// <summary>Takes the lock, or returns null with a description of the holder.</summary>
    public IDisposable? TryAcquire(out string? holder)
    {
        store.EnsureExists();
        var path = Path.Combine(store.Directory, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (IsHeldElsewhere(ex))
        {
            holder = ReadOwner();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Anything but "locked by another process" (read-only file system, permission, …) is the directory's fault.
            throw new StateDirectoryException(StateDirectoryProblem.Explain(store.Directory, ex), ex);
        }

        var owner = string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} on {Environment.MachineName} since {timeProvider.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z");
        stream.SetLength(0);
        using (var writer = new StreamWriter(stream, leaveOpen: true))
        {
            writer.WriteLine(owner);
        }

        stream.Flush(flushToDisk: true);
        File.WriteAllText(Path.Combine(store.Directory, OwnerFileName), owner + Environment.NewLine);
        holder = null;
        return stream;
    }

    /// <summary>True for the lock conflict itself: EWOULDBLOCK from flock on Linux (a sharing violation on Windows).</summary>
    private static bool IsHeldElsewhere(IOException exception) =>
        exception.HResult is WouldBlock or SharingViolation or LockViolation;

    private string ReadOwner()
    {
        try
        {
            return File.ReadAllText(Path.Combine(store.Directory, OwnerFileName)).Trim();
        }
        catch (IOException)
        {
            return "another CostSync process";
        }
    }
}
