namespace CostSync.Sync.Planning;

/// <summary>The resolved source bucket and destination layout of one run.</summary>
internal sealed record RunScope(string Namespace, string Bucket, KeyLayout Layout);
