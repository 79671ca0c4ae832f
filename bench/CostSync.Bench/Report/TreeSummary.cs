namespace CostSync.Bench.Report;

/// <summary>What the report says about the generated trees.</summary>
internal sealed record TreeSummary(int Objects, long Bytes, int Multipart, long Smallest, long LargestReport, long Median, int Huge, long HugeSize, int ManyObjects);
