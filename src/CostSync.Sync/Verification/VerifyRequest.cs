namespace CostSync.Sync.Verification;

/// <summary>What <c>verify</c> should check.</summary>
/// <param name="NamePrefix">Only reports whose source name starts with this (<c>--prefix</c>); all when null.</param>
/// <param name="SamplePercent">Read back this share (0–100] of the recorded objects (<c>--sample</c>); all when null.</param>
/// <param name="Seed">Seeds the sample, so the same seed picks the same objects from the same ledger.</param>
/// <param name="AgainstSource">Also list the source and compare it with the archive (<c>--against-source</c>).</param>
internal sealed record VerifyRequest(string? NamePrefix, double? SamplePercent, int Seed, bool AgainstSource);
