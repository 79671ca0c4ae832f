namespace CostSync.Sync;

/// <summary>Counts and bytes of one run.</summary>
/// <param name="Listed">Source objects after include/exclude filters.</param>
/// <param name="Skipped">Unchanged objects.</param>
/// <param name="Copied">New objects copied.</param>
/// <param name="Changed">Objects changed in place and copied again.</param>
/// <param name="Failed">Objects that could not be copied.</param>
/// <param name="Deleted">Destination objects removed (Mirror mode only).</param>
/// <param name="Bytes">Bytes copied.</param>
public sealed record SyncTotals(int Listed, int Skipped, int Copied, int Changed, int Failed, int Deleted, long Bytes)
{
    /// <summary>Listed objects that answered 404 when read (gone from the source since the listing); not failures.</summary>
    public int SourceGone { get; init; }

    /// <summary>OCI calls retried during the run (429, 5xx, timeouts, connection failures), by the OCI clients' resilience handlers.</summary>
    public long OciRetries { get; init; }

    /// <summary>S3 calls retried during the run, by the AWS SDK.</summary>
    public long S3Retries { get; init; }

    /// <summary>Further attempts of whole objects (a damaged, truncated or stalled read, a failed part), within <c>Transfer:MaxAttempts</c>.</summary>
    public int ObjectRetries { get; init; }

    /// <summary>Changed reports whose previously archived bytes were preserved under <c>.costsync/superseded/</c> before the overwrite.</summary>
    public int Superseded { get; init; }

    /// <summary>Reports copied (and archived byte for byte) whose content is not valid: not gzip, no known header, or, in Full mode, damaged further on. Not failures.</summary>
    public int InvalidContent { get; init; }
}
