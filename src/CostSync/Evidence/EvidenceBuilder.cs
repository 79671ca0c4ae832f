using CostSync.Sync;
using CostSync.Sync.Integrity;

namespace CostSync.Evidence;

/// <summary>Turns a run's result and its origin into the evidence document.</summary>
internal static class EvidenceBuilder
{
    public static RunEvidence Build(SyncRunResult result, EvidenceOrigin origin)
    {
        var t = result.Totals;
        return new RunEvidence
        {
            RunId = result.RunId,
            Status = result.Status,
            StartedAt = result.StartedAt,
            EndedAt = result.StartedAt + result.Duration,
            CostSync = origin.Build,
            Host = origin.Host,
            Oci = origin.Principal,
            Source = origin.Source,
            Destination = origin.Destination,
            Schedule = origin.Schedule,
            Counts = new EvidenceCounts(t.Listed, t.Copied, t.Changed, t.Superseded, t.Skipped, t.Failed, t.SourceGone, t.InvalidContent, t.Deleted),
            Bytes = t.Bytes,
            Error = result.Error,
            Failures = [.. result.Outcomes
                .Where(o => !o.Succeeded)
                .OrderBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => new EvidenceFailure(o.Name, o.Action.ToString(), o.Error ?? "unknown error"))],
            Warnings = result.Warnings,
            Objects = [.. result.Outcomes
                .Where(o => o.Copy is not null)
                .OrderBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => Object(o, o.Copy!))],
        };
    }

    /// <summary>The names of the checks that passed, in a fixed order (OCI first, then the destination).</summary>
    public static IReadOnlyList<string> CheckNames(VerificationChecks checks) =>
        [.. Enum.GetValues<VerificationChecks>().Where(c => c != VerificationChecks.None && checks.HasFlag(c)).Select(c => c.ToString())];

    private static EvidenceObject Object(ObjectOutcome outcome, ArchivedCopy copy) =>
        new(outcome.Name, copy.Size, CheckNames(copy.Checks), copy.Key, copy.VersionId, copy.ETag)
        {
            Action = outcome.Action.ToString(),
            SourceMd5 = copy.SourceMd5,
            SourceCrc32c = copy.SourceCrc32c,
            SupersededKey = outcome.SupersededKey,
            Doubt = outcome.Succeeded ? null : outcome.Error,
        };
}
