namespace CostSync.Oci.Monitoring;

/// <summary>Parameters of PostMetricData: the metric objects to post.</summary>
public sealed record PostMetricDataRequest(PostMetricDataDetails PostMetricDataDetails);
