namespace CostSync.Tests.Reliability;

/// <summary>Where a run of the crash loop is killed: at the <see cref="Nth"/> request of a <see cref="Kind"/>.</summary>
internal sealed record CrashPoint(CrashPointKind Kind, int Nth)
{
    /// <summary>Picks a kind the run will reach (it has at least one such request) and which of those requests.</summary>
    public static CrashPoint Choose(Random random, CrashWork work, CrashPointKind? only = null)
    {
        var reachable = new List<(CrashPointKind Kind, int Count)>
        {
            (CrashPointKind.SourceListing, 1),
            (CrashPointKind.DestinationListing, 1),
            (CrashPointKind.StaleUploadSweep, 1),
            (CrashPointKind.SourceRead, work.SourceGets),
            (CrashPointKind.SourceHead, work.SourceHeads),
            (CrashPointKind.UploadStarted, work.MultipartUploads),
            (CrashPointKind.PartSent, work.Parts),
            (CrashPointKind.PartStored, work.Parts),
            (CrashPointKind.UploadCompleted, work.MultipartUploads),
            (CrashPointKind.ReportStored, work.SinglePuts),
            (CrashPointKind.SupersededCopied, work.SupersededCopies),
            (CrashPointKind.LedgerFlushSent, 1),
            (CrashPointKind.LedgerFlushStored, 1),
        }.Where(k => k.Count > 0 && (only is null || k.Kind == only)).ToList();
        var (kind, count) = reachable[random.Next(reachable.Count)];
        return new CrashPoint(kind, random.Next(1, count + 1));
    }

    public override string ToString() => $"{Kind} #{Nth}";
}
