using CostSync.Oci.Endpoints;
using CostSync.Oci.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Oci.Auth;

/// <summary>An API-key profile of the OCI config file: key id <c>tenancy/user/fingerprint</c>, signed with <c>key_file</c>.</summary>
internal sealed class ApiKeyAuthProvider : IOciAuthProvider
{
    private readonly OciSigningKey _key;
    private readonly string _tenancyId;
    private readonly string? _region;
    private readonly string _regionSource;

    public ApiKeyAuthProvider(OciConfigProfile profile, OciOptions options, ILogger logger)
    {
        string profileTenancy = profile.Require("tenancy", "tenancy OCID");
        string user = profile.Require("user", "user OCID");
        string fingerprint = profile.Require("fingerprint", "API key fingerprint, aa:bb:…");
        string keyFile = OciConfigPaths.ExpandHome(profile.Require("key_file", "path to the API private key PEM"), OciConfigPaths.Home);
        var key = PrivateKeyLoader.LoadFile(keyFile, profile.Get("pass_phrase"), $"key_file of [{profile.Name}] in {profile.File}");
        KeyFilePermissions.WarnIfOpen(keyFile, $"key_file of [{profile.Name}] in {profile.File}", logger);
        string actual = KeyFingerprint.Of(key);
        if (!string.Equals(actual, fingerprint, StringComparison.OrdinalIgnoreCase))
        {
            Log.FingerprintMismatch(logger, profile.File, profile.Name, keyFile, fingerprint, actual);
        }

        _key = new OciSigningKey($"{profileTenancy}/{user}/{fingerprint}", key);
        _tenancyId = string.IsNullOrWhiteSpace(options.TenancyId) ? profileTenancy : options.TenancyId.Trim();
        _region = string.IsNullOrWhiteSpace(options.Region) ? profile.Get("region") : options.Region;
        _regionSource = $"'region' in [{profile.Name}] of {profile.File}";
        Description = $"API key profile [{profile.Name}] in {profile.File} (user {user}, fingerprint {fingerprint})";
    }

    public string Description { get; }

    public bool CanRefresh => false;

    public ValueTask<OciSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_key);

    public Task RefreshAsync(OciSigningKey rejected, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask<OciRegion> GetRegionAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(ProfileRegion.Parse(_region, _regionSource));

    public ValueTask<string> GetTenancyIdAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_tenancyId);
}
