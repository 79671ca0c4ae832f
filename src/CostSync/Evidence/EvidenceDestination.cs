namespace CostSync.Evidence;

/// <summary>Where the run archived: the store (<c>s3://bucket</c> or a folder) and the key prefix every key starts with.</summary>
internal sealed record EvidenceDestination(string Location, string Prefix);
