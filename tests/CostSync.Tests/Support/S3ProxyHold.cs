namespace CostSync.Tests.Support;

/// <summary>A request held by a <c>hold</c> rule.</summary>
public sealed record S3ProxyHold(string Event, string? Rule, int Seq, string Method, string Path, string Query, string Phase);
