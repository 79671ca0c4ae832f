namespace CostSync.Sync.Configuration;

/// <summary>
/// S3 Object Lock retention on every object CostSync writes (reports, superseded copies, ledger); bound from
/// <c>CostSync:Destination:ObjectLock</c>. Both values or neither; the bucket must have Object Lock enabled.
/// </summary>
public sealed class ObjectLockOptions
{
    /// <summary><c>Governance</c> or <c>Compliance</c>. <value>Default: none (no retention is requested).</value></summary>
    public RetentionMode? Mode { get; set; }

    /// <summary>How many days each object is retained from the time it is written (1 to 36,500). <value>Default: none.</value></summary>
    public int? RetainDays { get; set; }
}
