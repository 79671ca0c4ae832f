namespace CostSync.Bench.Measure;

/// <summary>One measured run: wall time, CPU (user + system), peak resident memory and the requests each side answered.</summary>
internal sealed record Sample(TimeSpan Wall, TimeSpan User, TimeSpan System, long PeakRssBytes)
{
    public TimeSpan Cpu => User + System;

    /// <summary>Requests the OCI emulator answered during the run; null when not counted.</summary>
    public RequestTally? Oci { get; init; }

    /// <summary>Requests Swift answered during the run (through the counting proxy); null when not counted.</summary>
    public RequestTally? S3 { get; init; }
}
