namespace CostSync.Tests.Support;

/// <summary>What the fake does to one GetObject call.</summary>
public enum FakeGetFault
{
    None,
    ServiceUnavailable,
    TooManyRequests,
    TruncatedBody,
    FlippedByte,

    /// <summary>Half the body arrives, then no more bytes until the reader gives up (a half-open connection).</summary>
    Stalled,

    /// <summary>404 ObjectNotFound: the object left the bucket after the listing.</summary>
    NotFound,

    /// <summary>A ranged read answers the bytes (and Content-Range) of the range one byte further on.</summary>
    ShiftedRange,
}
