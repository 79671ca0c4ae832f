namespace CostSync.Sync.Ledger;

/// <summary>The first line of a snapshot: which segments (relative to the ledger folder) and which legacy ledger it already holds.</summary>
/// <param name="Format">1.</param>
/// <param name="RunId">The run that wrote it.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="Covers">Every segment merged into it, by name relative to the ledger folder; readers read only the segments not listed.</param>
/// <param name="Legacy">The pre-segment <c>ledger.jsonl</c> merged into it, when there was one.</param>
internal sealed record LedgerSnapshotHeader(int Format, string RunId, DateTimeOffset CreatedAt, IReadOnlyList<string> Covers, LegacyLedgerIdentity? Legacy);

/// <summary>The snapshot's header line: <c>{"snapshot": {...}}</c>, which no ledger entry line has.</summary>
internal sealed record LedgerSnapshotLine(LedgerSnapshotHeader? Snapshot);
