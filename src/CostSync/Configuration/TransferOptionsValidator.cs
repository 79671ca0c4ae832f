using System.Globalization;
using CostSync.Sync.Configuration;
using CostSync.Sync.Transfer;
using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>
/// Checks transfer sizes and concurrency, and that the largest buffer a copy needs fits the memory budget as the
/// buffer pool charges it (<see cref="PartBufferPool.ChargeFor"/>: the next power of two), so a configuration that
/// would fail every large object is refused at start-up instead.
/// </summary>
internal sealed class TransferOptionsValidator : IValidateOptions<TransferOptions>
{
    private const string Section = "CostSync:Transfer";
    private const long MiB = 1024 * 1024;
    private const long MinimumSizeMiB = 5;

    public ValidateOptionsResult Validate(string? name, TransferOptions options)
    {
        var problems = new List<string>();
        Check(problems, "PartSizeMiB", options.PartSizeMiB, 5, 5120, "8", "S3 parts are 5 MiB to 5 GiB");
        Check(problems, "MultipartThresholdMiB", options.MultipartThresholdMiB, 5, 5120, "16", "single PUTs stay under 5 GiB");
        Check(problems, "MemoryBudgetMiB", options.MemoryBudgetMiB, 5, 65536, "64", "part buffers live in memory");
        Check(problems, "MaxConcurrentObjects", options.MaxConcurrentObjects, 1, 64, "16", "objects copied at once");
        Check(problems, "MaxConcurrentParts", options.MaxConcurrentParts, 1, 64, "4", "parts of one object at once");
        Check(problems, "MaxAttempts", options.MaxAttempts, 1, 10, "3", "attempts per object");
        if (problems.Count == 0)
        {
            CheckBuffers(problems, options);
        }

        if (options.StallTimeout < TimeSpan.FromSeconds(1) || options.StallTimeout > TimeSpan.FromHours(1))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:StallTimeout", options.StallTimeout, "must be between 1 second and 1 hour (how long a source body may deliver no bytes before the attempt is aborted)", "00:01:00"));
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(10))
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:RetryDelay", options.RetryDelay, "must be between 0 and 10 minutes (the pause before an object's next attempt)", "00:00:01"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckBuffers(List<string> problems, TransferOptions options)
    {
        var budget = options.MemoryBudgetMiB * MiB;
        var fits = LargestFittingMiB(budget);

        // One part is one pooled buffer of exactly the part size.
        var part = options.PartSizeMiB * MiB;
        if (part > Array.MaxLength)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:PartSizeMiB", options.PartSizeMiB, "is larger than one in-memory buffer can be (at most 2047 MiB)", "8"));
        }
        else if (PartBufferPool.ChargeFor((int)part) is var charge && charge > budget)
        {
            problems.Add(ConfigProblem.Invalid(
                $"{Section}:PartSizeMiB",
                options.PartSizeMiB,
                string.Create(CultureInfo.InvariantCulture, $"needs a {charge / MiB} MiB buffer per part (buffers are pooled at the next power of two), more than `{Section}:MemoryBudgetMiB` = {options.MemoryBudgetMiB}, so every object from `MultipartThresholdMiB` up would fail; {Fix("PartSizeMiB", fits, charge)}"),
                Example("PartSizeMiB", fits, charge, 8)));
        }

        // An object below the threshold is read whole into one pooled buffer: the largest is one byte under the threshold.
        var largestSingle = (options.MultipartThresholdMiB * MiB) - 1;
        if (largestSingle > int.MaxValue)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:MultipartThresholdMiB", options.MultipartThresholdMiB, "is larger than one in-memory buffer can be (at most 2048 MiB; a smaller object is read whole into memory)", "16"));
        }
        else if (PartBufferPool.ChargeFor((int)largestSingle) is var charge && charge > budget)
        {
            problems.Add(ConfigProblem.Invalid(
                $"{Section}:MultipartThresholdMiB",
                options.MultipartThresholdMiB,
                string.Create(CultureInfo.InvariantCulture, $"lets objects just under {options.MultipartThresholdMiB} MiB be copied in one piece, which needs a {charge / MiB} MiB buffer (pooled at the next power of two), more than `{Section}:MemoryBudgetMiB` = {options.MemoryBudgetMiB}, so they would all fail; {Fix("MultipartThresholdMiB", fits, charge)}"),
                Example("MultipartThresholdMiB", fits, charge, 16)));
        }
    }

    private static string Fix(string key, long fits, long charge) =>
        fits >= MinimumSizeMiB
            ? string.Create(CultureInfo.InvariantCulture, $"lower {key} to at most {fits} or raise MemoryBudgetMiB to {charge / MiB}")
            : string.Create(CultureInfo.InvariantCulture, $"raise MemoryBudgetMiB to {charge / MiB}");

    private static string Example(string key, long fits, long charge, long preferred) =>
        fits >= MinimumSizeMiB
            ? string.Create(CultureInfo.InvariantCulture, $"{key} = {Math.Min(fits, preferred)}")
            : string.Create(CultureInfo.InvariantCulture, $"MemoryBudgetMiB = {charge / MiB}");

    /// <summary>The largest size in whole MiB whose pooled buffer fits <paramref name="budget"/> bytes: the largest power of two in it.</summary>
    private static long LargestFittingMiB(long budget)
    {
        var power = MiB;
        while (power * 2 <= budget)
        {
            power *= 2;
        }

        return power / MiB;
    }

    private static void Check(List<string> problems, string key, int value, int min, int max, string example, string why)
    {
        if (value < min || value > max)
        {
            problems.Add(ConfigProblem.Invalid($"{Section}:{key}", value, $"must be between {min} and {max} ({why})", example));
        }
    }
}
