using CostSync.Oci.Endpoints;

namespace CostSync.Oci.Auth;

/// <summary>Supplies the identity OCI requests are signed with: an API key, a session token or an instance principal.</summary>
public interface IOciAuthProvider
{
    /// <summary>Which principal this is, for operators (never a secret), e.g. <c>API key profile DEFAULT</c>.</summary>
    string Description { get; }

    /// <summary>True when <see cref="RefreshAsync"/> can obtain new credentials (token-based principals).</summary>
    bool CanRefresh { get; }

    /// <summary>The key id and private key to sign the next request with; refreshed ahead of expiry where that applies.</summary>
    ValueTask<OciSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken);

    /// <summary>Discards <paramref name="rejected"/> after the service answered 401 and obtains fresh credentials.</summary>
    Task RefreshAsync(OciSigningKey rejected, CancellationToken cancellationToken);

    /// <summary>The principal's region (from configuration, the config file, or instance metadata).</summary>
    ValueTask<OciRegion> GetRegionAsync(CancellationToken cancellationToken);

    /// <summary>The principal's tenancy OCID (from configuration, the config file, or the instance certificate).</summary>
    ValueTask<string> GetTenancyIdAsync(CancellationToken cancellationToken);
}
