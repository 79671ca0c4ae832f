using CostSync.Sync.Configuration;

namespace CostSync.Sync.Transfer;

/// <summary><see cref="TransferOptions"/> in bytes, checked once.</summary>
internal sealed record TransferSettings(long BudgetBytes, long MultipartThresholdBytes, long PartSizeBytes, int MaxConcurrentObjects, int MaxConcurrentParts, int MaxAttempts)
{
    private const long MiB = 1024 * 1024;

    /// <summary>The longest pause between two attempts of one object.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>The pause before an object's second attempt (later ones double, with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a source body may deliver no bytes before the attempt is aborted.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public static TransferSettings From(TransferOptions options)
    {
        Positive(options.MemoryBudgetMiB, nameof(options.MemoryBudgetMiB));
        Positive(options.MultipartThresholdMiB, nameof(options.MultipartThresholdMiB));
        Positive(options.PartSizeMiB, nameof(options.PartSizeMiB));
        Positive(options.MaxConcurrentObjects, nameof(options.MaxConcurrentObjects));
        Positive(options.MaxConcurrentParts, nameof(options.MaxConcurrentParts));
        Positive(options.MaxAttempts, nameof(options.MaxAttempts));
        if (options.StallTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"CostSync:Transfer:StallTimeout = {options.StallTimeout} must be positive.");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"CostSync:Transfer:RetryDelay = {options.RetryDelay} must not be negative.");
        }

        return new TransferSettings(
            options.MemoryBudgetMiB * MiB,
            options.MultipartThresholdMiB * MiB,
            options.PartSizeMiB * MiB,
            options.MaxConcurrentObjects,
            options.MaxConcurrentParts,
            options.MaxAttempts)
        {
            RetryDelay = options.RetryDelay,
            StallTimeout = options.StallTimeout,
        };
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new InvalidOperationException($"CostSync:Transfer:{name} = {value} must be at least 1.");
        }
    }
}
