using System.Globalization;
using System.Numerics;

namespace CostSync.Sync.Transfer;

/// <summary>
/// Checks, before anything is read or uploaded, that one part of an object fits the buffer budget. Start-up validation covers
/// the configured part size; a very large object grows its parts (S3 takes at most 10,000), which only the object's size decides.
/// </summary>
internal static class PartBudget
{
    private const long MiB = 1024 * 1024;

    /// <exception cref="TransferLimitException">One part's buffer would exceed the whole budget.</exception>
    public static void EnsureFits(string name, PartLayout layout, long preferredPartSize, long budgetBytes)
    {
        // As the pool charges a buffer: the next power of two (in long, for parts past 2 GiB, which no OCI object needs).
        var charge = (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(16, layout.PartSize));
        if (charge <= budgetBytes)
        {
            return;
        }

        var grown = layout.PartSize > preferredPartSize
            ? $"S3 takes at most {PartLayout.MaxParts:N0} parts, so its parts must be {layout.PartSize / MiB:N0} MiB (instead of `CostSync:Transfer:PartSizeMiB` = {preferredPartSize / MiB:N0}), and "
            : string.Empty;
        throw new TransferLimitException(string.Create(
            CultureInfo.InvariantCulture,
            $"`{name}` is {Size(layout.ObjectSize)}: {grown}one part needs a {charge / MiB:N0} MiB buffer, more than `CostSync:Transfer:MemoryBudgetMiB` = {budgetBytes / MiB:N0}; nothing was read or uploaded. "
            + $"Raise MemoryBudgetMiB to at least {charge / MiB}, or exclude the report with `CostSync:Source:Exclude`."));
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 * MiB
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * MiB):0.0} TiB ({bytes:N0} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * MiB):0.0} GiB ({bytes:N0} bytes)");
}
