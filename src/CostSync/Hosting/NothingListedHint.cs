using CostSync.Sync.Configuration;

namespace CostSync.Hosting;

/// <summary>What to check when a run lists no source object, for the log warning, the summary and the alert.</summary>
internal static class NothingListedHint
{
    public static string For(SourceOptions source)
    {
        var bucket = string.IsNullOrWhiteSpace(source.Bucket) ? "<tenancy OCID>" : source.Bucket.Trim();
        var where = $"oci://{source.Namespace}/{bucket}";
        if (source.Include.Count > 0 || source.Exclude.Count > 0)
        {
            var include = source.Include.Count == 0 ? "everything" : string.Join(", ", source.Include.Select(p => $"`{p}`"));
            var exclude = source.Exclude.Count == 0 ? "nothing" : string.Join(", ", source.Exclude.Select(p => $"`{p}`"));
            return $"0 source objects listed in {where} after `CostSync:Source:Include` ({include}) and `CostSync:Source:Exclude` ({exclude}): "
                + "the patterns match none of the report names. Compare them with the names `costsync list` prints (e.g. `reports/cost-csv/**`, `FOCUS Reports/**`; `*` stays within one folder, `**` crosses folders).";
        }

        return $"0 source objects listed in {where}: the bucket is empty. OCI publishes the first cost reports within a day of enabling them; "
            + "if it stays empty, check that cost reports exist for the tenancy in the OCI Console, that this is the tenancy's home region and that `Source:Bucket` is the tenancy OCID.";
    }
}
