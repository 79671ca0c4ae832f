namespace CostSync.OciEmulator.Faults;

/// <summary>What the emulator did to a request instead of (or while) answering it; recorded in the request log.</summary>
internal enum InjectedFault
{
    /// <summary>Answered normally.</summary>
    None,

    /// <summary>429 TooManyRequests with <c>Retry-After: 0</c>.</summary>
    TooManyRequests,

    /// <summary>503 ServiceUnavailable with <c>Retry-After: 0</c>.</summary>
    ServiceUnavailable,

    /// <summary>Another status from <see cref="FaultInjector.FailEveryNth"/>.</summary>
    Status,

    /// <summary>The connection was reset before any response byte.</summary>
    ConnectionReset,

    /// <summary>The connection was reset after half the body.</summary>
    BodyReset,

    /// <summary>Half the body, then the connection closed (fewer bytes than Content-Length).</summary>
    Truncated,

    /// <summary>One byte of the body flipped, length unchanged.</summary>
    FlippedByte,

    /// <summary>Half the body, then no more bytes while the connection stays open.</summary>
    Stalled,
}
