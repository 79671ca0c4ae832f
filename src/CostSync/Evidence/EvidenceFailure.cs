namespace CostSync.Evidence;

/// <summary>One object the run could not archive (or archived with a doubt), and why.</summary>
internal sealed record EvidenceFailure(string Name, string Action, string Error);
