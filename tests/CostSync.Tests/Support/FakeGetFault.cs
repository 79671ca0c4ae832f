namespace CostSync.Tests.Support;

/// <summary>What the fake does to one GetObject call.</summary>
public enum FakeGetFault
{
    None,
    ServiceUnavailable,
    TooManyRequests,
    TruncatedBody,
    FlippedByte,
}
