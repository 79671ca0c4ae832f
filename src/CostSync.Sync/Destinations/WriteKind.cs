namespace CostSync.Sync.Destinations;

/// <summary>What is being written, which decides the write settings.</summary>
public enum WriteKind
{
    /// <summary>A copied report: every configured setting applies (encryption, storage class, overwrite protection).</summary>
    Report,

    /// <summary>CostSync's own file (the ledger): encrypted like reports, but always replaceable and in the default storage class so it stays readable.</summary>
    Internal,
}
