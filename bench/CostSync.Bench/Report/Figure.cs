using CostSync.Bench.Measure;

namespace CostSync.Bench.Report;

/// <summary>One row of the report: a tool in a scenario, its repeated samples, and the bytes and objects it moved.</summary>
internal sealed record Figure(string Scenario, string Tool, IReadOnlyList<Sample> Samples, long Bytes, int Objects)
{
    /// <summary>Requests of the counted run (OCI side, S3 side), when there was one.</summary>
    public RequestTally? OciRequests { get; init; }

    public RequestTally? S3Requests { get; init; }

    public string? Note { get; init; }

    public Stats Wall => Stats.Of(Samples.Select(s => s.Wall.TotalSeconds));

    public Stats Cpu => Stats.Of(Samples.Select(s => s.Cpu.TotalSeconds));

    public Stats RssMiB => Stats.Of(Samples.Select(s => s.PeakRssBytes / 1048576.0));

    /// <summary>CPU seconds per GiB moved (median CPU over the bytes); NaN when no bytes moved.</summary>
    public double CpuPerGiB => Bytes == 0 ? double.NaN : Cpu.Median / (Bytes / 1073741824.0);

    /// <summary>MiB/s from the median wall time.</summary>
    public double Throughput => Bytes / 1048576.0 / Wall.Median;
}
