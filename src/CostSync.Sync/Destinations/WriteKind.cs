namespace CostSync.Sync.Destinations;

/// <summary>What is being written, which decides the write settings (Object Lock retention applies to every kind that can become an object).</summary>
public enum WriteKind
{
    /// <summary>A copied report: every configured setting applies (encryption, storage class, overwrite protection, Object Lock).</summary>
    Report,

    /// <summary>CostSync's own file (the ledger): encrypted and retained like reports, but always replaceable and in the default storage class so it stays readable.</summary>
    Internal,

    /// <summary>A doctor probe: an upload begun and aborted, never completed, so it carries no Object Lock retention.</summary>
    Probe,
}
