namespace CostSync.Oci.Api;

/// <summary>Wire shape of a data point: RFC 3339 timestamp, value, optional count.</summary>
internal sealed record DatapointDto(string Timestamp, double Value, int? Count);
