namespace CostSync;

/// <summary>The process exit codes (documented in the README; the systemd unit uses <see cref="InvalidConfiguration"/>).</summary>
internal static class ExitCodes
{
    /// <summary>Success; also a daemon stopped by SIGTERM.</summary>
    public const int Success = 0;

    /// <summary>The run failed (or a command such as <c>list</c>, <c>doctor</c> or <c>test-alert</c> failed).</summary>
    public const int Failed = 1;

    /// <summary>Invalid configuration or command line; nothing ran. Restarting will not help.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>Some objects failed, the others were copied.</summary>
    public const int PartiallyFailed = 3;

    /// <summary>Another process holds the run lock.</summary>
    public const int LockHeld = 4;

    /// <summary><c>verify</c> found a problem: an archived object missing, changed, unrecorded or unreadable (or, with <c>--against-source</c>, a report not archived or changed at the source).</summary>
    public const int VerifyFoundProblems = 5;
}
