using System.Text;
using CostSync.Oci.Monitoring;

namespace CostSync.Metrics;

/// <summary>Turns <see cref="RunMetrics"/> into one PostMetricData request: one metric object per value, all at the run's end.</summary>
internal static class OciMetricData
{
    public static PostMetricDataRequest Build(RunMetrics metrics, string compartmentId, string ns, string tenancyId, string host)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal) { ["tenancy"] = tenancyId, ["host"] = host };
        var group = ResourceGroup(host);
        var values = new List<(string Name, double Value, string Unit)>
        {
            ("last_success_timestamp_seconds", metrics.LastSuccessAt is { } s ? s.ToUnixTimeMilliseconds() / 1000.0 : 0, "seconds"),
            ("last_run_status", metrics.StatusCode, "status"),
            ("objects_copied", metrics.ObjectsCopied, "objects"),
            ("bytes_copied", metrics.BytesCopied, "bytes"),
            ("objects_failed", metrics.ObjectsFailed, "objects"),
            ("run_duration_seconds", metrics.Duration.TotalSeconds, "seconds"),
        };
        if (metrics.NewestReportAge is { } age)
        {
            values.Add(("newest_report_age_seconds", age.TotalSeconds, "seconds"));
        }

        if (metrics.SinceLastSuccess is { } since)
        {
            values.Add(("seconds_since_last_success", since.TotalSeconds, "seconds"));
        }

        var data = values.Select(v => new MetricDataDetails(ns, compartmentId, v.Name, dimensions, [new Datapoint(metrics.At, v.Value)])
        {
            ResourceGroup = group,
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["unit"] = v.Unit },
        }).ToList();
        return new PostMetricDataRequest(new PostMetricDataDetails(data, BatchAtomicity.NonAtomic));
    }

    /// <summary>The host name as a resource group: a leading letter, then letters, digits, <c>. _ - $</c> (others become <c>-</c>).</summary>
    public static string ResourceGroup(string host)
    {
        var text = new StringBuilder(host.Length + 1);
        foreach (var c in host)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '$' ? c : '-');
        }

        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            text.Insert(0, 'h');
        }

        return text.ToString();
    }
}
