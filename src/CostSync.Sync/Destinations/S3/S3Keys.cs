using System.Text;
using CostSync.Sync.Configuration;

namespace CostSync.Sync.Destinations.S3;

/// <summary>S3's limit on key length, checked before a write so the refusal names the prefix instead of S3's "Your key is too long".</summary>
internal static class S3Keys
{
    /// <summary>The longest key S3 stores, in UTF-8 bytes (OCI allows names of the same length, so a prefix can tip a report over).</summary>
    public const int MaxKeyBytes = 1024;

    /// <exception cref="DestinationRejectedException">The key is longer than S3 allows.</exception>
    public static void EnsureFits(string key, DestinationOptions options)
    {
        var bytes = Encoding.UTF8.GetByteCount(key);
        if (bytes <= MaxKeyBytes)
        {
            return;
        }

        var prefix = (options.Prefix ?? string.Empty).Trim('/');
        var added = prefix.Length == 0 ? string.Empty : $" `CostSync:Destination:Prefix` = `{prefix}` adds {Encoding.UTF8.GetByteCount(prefix) + 1} bytes{(options.IncludeTenancyFolder ? " and `IncludeTenancyFolder` adds the tenancy OCID" : string.Empty)};";
        throw new DestinationRejectedException(
            $"The key `{key}` is {bytes} bytes (UTF-8), and S3 keys are at most {MaxKeyBytes}; nothing was stored.{added} "
            + "Use a shorter prefix, or exclude the report with `CostSync:Source:Exclude` (a glob of its name).");
    }
}
