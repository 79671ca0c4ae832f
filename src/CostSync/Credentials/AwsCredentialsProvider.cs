using Amazon.Runtime;
using CostSync.Configuration;
using CostSync.Sync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Credentials;

/// <summary>Gets the destination's AWS credentials for one run, from the configured source; Vault is read every time.</summary>
internal sealed class AwsCredentialsProvider(VaultCredentialsReader vault, IOptions<CredentialsOptions> options, IOptions<DestinationOptions> destination)
{
    // A Directory destination needs no AWS keys: nothing is read from Vault then.
    private readonly CredentialsSource? _source = destination.Value.Kind == DestinationKind.Directory ? null : options.Value.Source;

    /// <summary>True when a re-read may return different keys (rotation), i.e. the source is Vault.</summary>
    public bool CanRotate => _source == CredentialsSource.OciVault;

    public async Task<RunCredentials> GetAsync(CancellationToken cancellationToken)
    {
        switch (_source)
        {
            case CredentialsSource.OciVault:
                var keys = await vault.ReadAsync(cancellationToken);
                AWSCredentials credentials = keys.SessionToken is { } token
                    ? new SessionAWSCredentials(keys.AccessKeyId.Reveal(), keys.SecretAccessKey.Reveal(), token.Reveal())
                    : new BasicAWSCredentials(keys.AccessKeyId.Reveal(), keys.SecretAccessKey.Reveal());
                return new RunCredentials(credentials, keys);
            case CredentialsSource.Environment:
                try
                {
                    return new RunCredentials(new EnvironmentVariablesAWSCredentials(), null);
                }
                catch (InvalidOperationException ex)
                {
                    throw new CredentialsException("`CostSync:Destination:Credentials:Source` = `Environment` but AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set. Set them, or use Source = OciVault.", ex);
                }

            case CredentialsSource.Default:
                return new RunCredentials(null, null);
            default:
                return new RunCredentials(null, null);
        }
    }
}
