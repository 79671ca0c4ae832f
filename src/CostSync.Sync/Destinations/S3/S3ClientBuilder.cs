using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Telemetry;
using Amazon.S3;
using CostSync.Sync.Configuration;

namespace CostSync.Sync.Destinations.S3;

/// <summary>Builds an <see cref="AmazonS3Client"/> for AWS (Region) or an S3-compatible server (ServiceUrl, path style, AuthenticationRegion).</summary>
internal static class S3ClientBuilder
{
    public static AmazonS3Client Build(DestinationOptions options, AWSCredentials? credentials, HttpClientFactory? httpClientFactory = null, TelemetryProvider? telemetry = null)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle, MaxErrorRetry = options.MaxRetryAttempts };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (options.S3Compatible)
        {
            // Many S3-compatible stores reject the flexible checksums AWSSDK v4 adds by default; Content-MD5 covers integrity.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        if (telemetry is not null)
        {
            config.TelemetryProvider = telemetry;
        }

        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
