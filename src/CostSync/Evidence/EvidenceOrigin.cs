namespace CostSync.Evidence;

/// <summary>What the evidence says about where and how a run happened, gathered once per run by <see cref="EvidenceFacts"/>.</summary>
internal sealed record EvidenceOrigin(EvidenceBuild Build, string Host, EvidencePrincipal Principal, string Source, EvidenceDestination Destination, EvidenceSchedule Schedule);
