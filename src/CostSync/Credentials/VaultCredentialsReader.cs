using System.Net;
using System.Text.Json;
using CostSync.Configuration;
using CostSync.Oci;
using CostSync.Oci.Secrets;
using Microsoft.Extensions.Options;

namespace CostSync.Credentials;

/// <summary>Reads the AWS keys from OCI Vault: two secrets (access key id, secret key) or one JSON secret.</summary>
internal sealed class VaultCredentialsReader(ISecretsClient secrets, IOptions<CredentialsOptions> options)
{
    private readonly CredentialsOptions _options = options.Value;

    public async Task<AwsKeyPair> ReadAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.SecretId))
        {
            return ParseJson(await ReadSecretAsync(_options.SecretId, "JSON key secret", cancellationToken), _options.SecretId);
        }

        var accessKeyId = await ReadSecretAsync(_options.AccessKeySecretId!, "AWS access key id", cancellationToken);
        var secretKey = await ReadSecretAsync(_options.SecretKeySecretId!, "AWS secret access key", cancellationToken);
        return new AwsKeyPair(
            SecretText.Normalize(accessKeyId, _options.AccessKeySecretId!, "AWS access key id"),
            SecretText.Normalize(secretKey, _options.SecretKeySecretId!, "AWS secret access key"),
            null);
    }

    private async Task<SecretValue> ReadSecretAsync(string secretId, string what, CancellationToken cancellationToken)
    {
        try
        {
            var bundle = await secrets.GetSecretBundleAsync(new GetSecretBundleRequest(secretId), cancellationToken);
            if (VaultPlaceholder.Matches(bundle.Content))
            {
                throw new CredentialsException(VaultPlaceholder.Message(secretId, what)) { KeysNotSet = true };
            }

            SecretText.EnsureText(bundle.Content, secretId, what);
            return bundle.Content;
        }
        catch (OciServiceException ex)
        {
            // OCI answers 404 (NotAuthorizedOrNotFound) both for a wrong OCID and a missing policy; other failures say their own cause.
            var hint = ex.StatusCode switch
            {
                HttpStatusCode.NotFound or HttpStatusCode.Forbidden => " Check the OCID and that a policy allows `read secret-bundles` for this principal.",

                // Vault answered, but with content CostSync cannot decode: storing the value again is the fix.
                HttpStatusCode.OK => $" Store the value again: {VaultSetCommand.For(secretId)}",
                _ => string.Empty,
            };
            throw new CredentialsException($"Cannot read the Vault secret `{secretId}` ({what}): {ex.Message}{hint}", ex);
        }
    }

    private const string Shape = "{ \"accessKeyId\": …, \"secretAccessKey\": …, \"sessionToken\": … (optional) } (names are case-insensitive)";

    private static AwsKeyPair ParseJson(SecretValue content, string secretId)
    {
        try
        {
            using var document = JsonDocument.Parse(content.Reveal().Trim());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CredentialsException($"The Vault secret `{secretId}` is not a JSON object. Store {Shape}.");
            }

            var access = Property(document.RootElement, "accessKeyId", secretId, required: true)!;
            var secret = Property(document.RootElement, "secretAccessKey", secretId, required: true)!;
            var token = Property(document.RootElement, "sessionToken", secretId, required: false);
            return new AwsKeyPair(
                SecretText.Normalize(access, secretId, "accessKeyId"),
                SecretText.Normalize(secret, secretId, "secretAccessKey"),
                token is null ? null : SecretText.Normalize(token, secretId, "sessionToken"));
        }
        catch (JsonException)
        {
            // The parser's message may quote part of the secret; never pass it on.
            throw new CredentialsException($"The Vault secret `{secretId}` is not valid JSON. Store {Shape}.");
        }
    }

    private static SecretValue? Property(JsonElement root, string name, string secretId, bool required)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    throw new CredentialsException($"The Vault secret `{secretId}`: `{name}` is not a string. Store {Shape}.");
                }

                return new SecretValue(property.Value.GetString()!);
            }
        }

        return required ? throw new CredentialsException($"The Vault secret `{secretId}` has no `{name}` field. Store {Shape}.") : null;
    }
}
