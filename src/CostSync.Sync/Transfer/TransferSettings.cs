using CostSync.Sync.Configuration;

namespace CostSync.Sync.Transfer;

/// <summary><see cref="TransferOptions"/> in bytes, checked once.</summary>
internal sealed record TransferSettings(long BudgetBytes, long MultipartThresholdBytes, long PartSizeBytes, int MaxConcurrentObjects, int MaxConcurrentParts, int MaxAttempts)
{
    private const long MiB = 1024 * 1024;

    public static TransferSettings From(TransferOptions options)
    {
        Positive(options.MemoryBudgetMiB, nameof(options.MemoryBudgetMiB));
        Positive(options.MultipartThresholdMiB, nameof(options.MultipartThresholdMiB));
        Positive(options.PartSizeMiB, nameof(options.PartSizeMiB));
        Positive(options.MaxConcurrentObjects, nameof(options.MaxConcurrentObjects));
        Positive(options.MaxConcurrentParts, nameof(options.MaxConcurrentParts));
        Positive(options.MaxAttempts, nameof(options.MaxAttempts));
        return new TransferSettings(
            options.MemoryBudgetMiB * MiB,
            options.MultipartThresholdMiB * MiB,
            options.PartSizeMiB * MiB,
            options.MaxConcurrentObjects,
            options.MaxConcurrentParts,
            options.MaxAttempts);
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new InvalidOperationException($"CostSync:Transfer:{name} = {value} must be at least 1.");
        }
    }
}
