using System.Globalization;

namespace CostSync.Commands;

/// <summary>Checks and parses the options only <c>verify</c> takes: <c>--sample PERCENT</c>, <c>--seed N</c>, <c>--against-source</c>.</summary>
internal static class VerifyOptions
{
    /// <summary>The usage error, or <see langword="null"/> with the parsed values.</summary>
    public static string? Check(bool isVerify, string? sample, string? seed, bool againstSource, out double? samplePercent, out int? seedValue)
    {
        samplePercent = null;
        seedValue = null;
        if (!isVerify && (sample is not null || seed is not null || againstSource))
        {
            return $"`{(sample is not null ? "--sample" : seed is not null ? "--seed" : "--against-source")}` applies to `verify`.";
        }

        if (sample is not null)
        {
            if (!double.TryParse(sample.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || !(percent > 0 && percent <= 100))
            {
                return $"`--sample` = `{sample}` is not a percentage above 0 and at most 100 (the share of archived objects to read back). Example: `--sample 5`.";
            }

            samplePercent = percent;
        }

        if (seed is not null)
        {
            if (sample is null)
            {
                return "`--seed` needs `--sample`: it repeats an earlier sample (`verify` prints the seed it used).";
            }

            if (!int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                return $"`--seed` = `{seed}` is not a whole number from 0 to {int.MaxValue}. Use the seed an earlier `verify --sample` printed.";
            }

            seedValue = value;
        }

        return null;
    }
}
