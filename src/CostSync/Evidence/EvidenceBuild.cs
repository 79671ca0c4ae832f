namespace CostSync.Evidence;

/// <summary>The CostSync version and the commit it was built from.</summary>
internal sealed record EvidenceBuild(string Version, string Commit);
