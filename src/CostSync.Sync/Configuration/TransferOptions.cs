namespace CostSync.Sync.Configuration;

/// <summary>How copies are streamed; bound from <c>CostSync:Transfer</c>.</summary>
public sealed class TransferOptions
{
    /// <summary>Upper bound on all in-flight part buffers across all objects, in MiB. <value>Default: 64 (fits a 1 GB VM).</value></summary>
    public int MemoryBudgetMiB { get; set; } = 64;

    /// <summary>Objects at or above this size use multipart upload, in MiB. <value>Default: 16.</value></summary>
    public int MultipartThresholdMiB { get; set; } = 16;

    /// <summary>The preferred part size in MiB; grown so no object needs more than 10,000 parts, never below 5. <value>Default: 8.</value></summary>
    public int PartSizeMiB { get; set; } = 8;

    /// <summary>Objects copied at once (cost reports are mostly small: per-request latency, not bandwidth, bounds them). <value>Default: 16.</value></summary>
    public int MaxConcurrentObjects { get; set; } = 16;

    /// <summary>Parts of one object read and uploaded at once. <value>Default: 4.</value></summary>
    public int MaxConcurrentParts { get; set; } = 4;

    /// <summary>Attempts per object (a verification failure counts as one). <value>Default: 3.</value></summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The pause before an object's second attempt; later pauses double, with jitter, up to a minute. <value>Default: 1 second.</value></summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A source body that delivers no bytes for this long aborts the attempt (which is then retried). <value>Default: 60 seconds.</value></summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
