namespace CostSync.State;

/// <summary>Says why the state directory cannot be written (read-only file system, permission, full disk), from the OS error.</summary>
internal static class StateDirectoryProblem
{
    // Linux errno values, which .NET puts in IOException.HResult on Unix.
    private const int ReadOnlyFileSystem = 30;
    private const int PermissionDenied = 13;
    private const int NotPermitted = 1;
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;

    /// <summary>What is wrong, e.g. "is on a read-only file system".</summary>
    public static string Describe(Exception exception) => exception switch
    {
        UnauthorizedAccessException => $"is not writable by this user ({Environment.UserName})",
        IOException { HResult: ReadOnlyFileSystem } => "is on a read-only file system",
        IOException { HResult: PermissionDenied or NotPermitted } => $"is not writable by this user ({Environment.UserName})",
        IOException { HResult: NoSpace or QuotaExceeded } => "is on a full disk (or the user's quota is used up)",
        _ => $"cannot be written ({exception.Message.TrimEnd('.')})",
    };

    /// <summary>The full sentence with the fix, for <see cref="StateDirectoryException"/>.</summary>
    public static string Explain(string directory, Exception exception) =>
        $"The state directory `{directory}` {Describe(exception)}: CostSync keeps its lock, last run and alert state there. "
        + (exception is IOException { HResult: NoSpace or QuotaExceeded }
            ? "Free space on that file system (`df -h` shows which one is full), or set `CostSync:StateDirectory` to a folder on another one."
            : "Make it writable for the service user (the systemd unit's StateDirectory=costsync does that), or set `CostSync:StateDirectory` to a writable folder.");
}
