namespace CostSync.Tests.Support;

/// <summary>One rule of <c>tests/servers/s3faults.js</c> (see the script's header for the meaning of each field).</summary>
public sealed record S3FaultRule(string Fault)
{
    public string? Id { get; init; }

    public string? Method { get; init; }

    /// <summary>A regular expression over the raw path (no query).</summary>
    public string? Path { get; init; }

    /// <summary>A query parameter that must be present, or absent with a leading <c>!</c>.</summary>
    public string? Query { get; init; }

    public int? Skip { get; init; }

    public int? Count { get; init; }

    public int? Every { get; init; }

    public double? Probability { get; init; }

    public int? Status { get; init; }

    public string? Code { get; init; }

    public int? Ms { get; init; }

    /// <summary><c>request</c> or <c>response</c>, for <c>hold</c>.</summary>
    public string? Phase { get; init; }
}
