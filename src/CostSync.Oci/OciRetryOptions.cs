namespace CostSync.Oci;

/// <summary>Retry and timeout settings of the OCI HTTP clients (exponential backoff with jitter; <c>Retry-After</c> is honoured).</summary>
public sealed class OciRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    /// <value>5.</value>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>The first backoff delay; later ones double, with jitter.</summary>
    /// <value>1 second.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt's limit, up to the response headers (a streamed object body is not limited by it).</summary>
    /// <value>60 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>All attempts of one call together, up to the response headers.</summary>
    /// <value>5 minutes.</value>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
