using CostSync.Oci;
using CostSync.Oci.Secrets;

namespace CostSync.Tests.Host.Support;

/// <summary>Secrets by OCID, changeable between reads (rotation); counts reads.</summary>
internal sealed class FakeSecretsClient : ISecretsClient
{
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    public FakeSecretsClient Set(string secretId, string content)
    {
        lock (_secrets)
        {
            _secrets[secretId] = content;
        }

        return this;
    }

    public Task<SecretBundle> GetSecretBundleAsync(GetSecretBundleRequest request, CancellationToken cancellationToken)
    {
        lock (_secrets)
        {
            Reads++;
            return _secrets.TryGetValue(request.SecretId, out var content)
                ? Task.FromResult(new SecretBundle(request.SecretId, Reads, new SecretValue(content)))
                : Task.FromException<SecretBundle>(new OciServiceException(System.Net.HttpStatusCode.NotFound, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.", "req-1"));
        }
    }

    public Task<SecretBundle> GetSecretBundleByNameAsync(GetSecretBundleByNameRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
