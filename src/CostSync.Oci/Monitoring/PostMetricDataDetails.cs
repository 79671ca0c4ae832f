namespace CostSync.Oci.Monitoring;

/// <summary>The body of PostMetricData: metric objects and how strictly the batch is validated.</summary>
/// <param name="MetricData">One or more metric objects with their data points.</param>
/// <param name="BatchAtomicity">Whether every object must pass validation; the service default is <see cref="Monitoring.BatchAtomicity.NonAtomic"/>.</param>
public sealed record PostMetricDataDetails(IReadOnlyList<MetricDataDetails> MetricData, BatchAtomicity? BatchAtomicity = null);
