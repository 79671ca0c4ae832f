using Amazon.Runtime;

namespace CostSync.Sync.Destinations;

/// <summary>Builds the configured destination for one run.</summary>
public interface IDestinationFactory
{
    /// <summary>Creates the destination; <paramref name="credentials"/> are used by S3 (null: the AWS SDK's default chain) and ignored by Directory.</summary>
    /// <exception cref="InvalidOperationException">The destination settings are incomplete (the message names the key).</exception>
    IDestination Create(AWSCredentials? credentials);
}
