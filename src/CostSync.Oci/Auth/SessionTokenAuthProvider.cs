using System.Security.Cryptography;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Oci.Auth;

/// <summary>A CLI session-token profile (<c>security_token_file</c>): key id <c>ST$&lt;token&gt;</c>, signed with the session key; the token file is re-read after a 401.</summary>
internal sealed class SessionTokenAuthProvider : IOciAuthProvider
{
    private readonly string _tokenFile;
    private readonly RSA _key;
    private readonly string? _tenancyId;
    private readonly string? _region;
    private readonly string _source;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile OciSigningKey _current;

    public SessionTokenAuthProvider(OciConfigProfile profile, OciOptions options, ILogger logger)
    {
        _logger = logger;
        _source = $"[{profile.Name}] of {profile.File}";
        _tokenFile = OciConfigPaths.ExpandHome(profile.Require("security_token_file", "path to the session token file"), OciConfigPaths.Home);
        string keyFile = OciConfigPaths.ExpandHome(profile.Require("key_file", "path to the session private key PEM"), OciConfigPaths.Home);
        _key = PrivateKeyLoader.LoadFile(keyFile, profile.Get("pass_phrase"), $"key_file of {_source}");
        KeyFilePermissions.WarnIfOpen(keyFile, $"key_file of {_source}", logger);
        _tenancyId = string.IsNullOrWhiteSpace(options.TenancyId) ? profile.Get("tenancy") : options.TenancyId.Trim();
        _region = string.IsNullOrWhiteSpace(options.Region) ? profile.Get("region") : options.Region;
        _current = new OciSigningKey("ST$" + ReadToken(), _key);
        Description = $"session token profile {_source}";
    }

    public string Description { get; }

    public bool CanRefresh => true;

    public ValueTask<OciSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_current);

    public Task RefreshAsync(OciSigningKey rejected, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, rejected))
            {
                _current = new OciSigningKey("ST$" + ReadToken(), _key);
                Log.SessionTokenReloaded(_logger, _tokenFile);
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask<OciRegion> GetRegionAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(ProfileRegion.Parse(_region, $"'region' in {_source}"));

    public ValueTask<string> GetTenancyIdAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tenancyId ?? throw new OciConfigurationException(
            $"No tenancy OCID: set CostSync:Oci:TenancyId or 'tenancy' in {_source}."));

    private string ReadToken()
    {
        string token;
        try
        {
            token = File.ReadAllText(_tokenFile).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigurationException(
                $"The session token file {_tokenFile} (security_token_file of {_source}) cannot be read: {e.Message}. Run 'oci session authenticate' or 'oci session refresh'.", e);
        }

        return token.Length > 0 ? token : throw new OciConfigurationException(
            $"The session token file {_tokenFile} (security_token_file of {_source}) is empty. Run 'oci session authenticate'.");
    }
}
