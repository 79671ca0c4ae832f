using System.Net;
using System.Security.Cryptography;
using CostSync.Oci.Endpoints;
using CostSync.Oci.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Oci.Auth;

/// <summary>
/// The VM as principal: instance metadata gives the certificate, federation turns it into a security token for a
/// fresh session key. The token is refreshed ahead of expiry and after a 401; refreshes are serialized and
/// callers always get a matching (key id, key) pair. An early refresh that fails keeps the still-valid token and
/// tries again a minute later, so a short outage of metadata or federation never fails a call that could succeed.
/// </summary>
internal sealed class InstancePrincipalAuthProvider : IOciAuthProvider, IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinimumValidity = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan EarlyRetryDelay = TimeSpan.FromMinutes(1);

    private readonly InstanceMetadataClient _metadata;
    private readonly X509FederationClient _federation;
    private readonly OciOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Session? _session;
    private volatile string? _certificateTenancy;
    private OciRegion? _region;

    public InstancePrincipalAuthProvider(InstanceMetadataClient metadata, X509FederationClient federation, OciOptions options, TimeProvider time, ILogger logger)
    {
        _metadata = metadata;
        _federation = federation;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public string Description => _certificateTenancy is { } tenancy ? $"instance principal (tenancy {tenancy})" : "instance principal";

    public bool CanRefresh => true;

    public async ValueTask<OciSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        Session? session = _session;
        if (session is not null && _time.GetUtcNow() < session.RefreshAt)
        {
            return session.Key;
        }

        return (await RefreshAsync(session, early: true, cancellationToken)).Key;
    }

    public async Task RefreshAsync(OciSigningKey rejected, CancellationToken cancellationToken)
    {
        Session? session = _session;
        if (session is not null && !ReferenceEquals(session.Key, rejected))
        {
            return; // another caller already replaced the rejected token
        }

        await RefreshAsync(session, early: false, cancellationToken);
    }

    public async ValueTask<OciRegion> GetRegionAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.Region))
        {
            return OciRegions.Parse(_options.Region);
        }

        return _region ??= await _metadata.GetRegionAsync(cancellationToken);
    }

    public async ValueTask<string> GetTenancyIdAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.TenancyId))
        {
            return _options.TenancyId.Trim();
        }

        if (_certificateTenancy is null)
        {
            await GetSigningKeyAsync(cancellationToken);
        }

        return _certificateTenancy!;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Replaces <paramref name="seen"/> with a new session unless another caller already did. When <paramref name="early"/>
    /// (the token is due for refresh but was not rejected) and the refresh fails, the still-valid token is kept.
    /// </summary>
    private async Task<Session> RefreshAsync(Session? seen, bool early, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Session? current = _session;
            if (current is not null && !ReferenceEquals(current, seen) && _time.GetUtcNow() < current.RefreshAt)
            {
                return current;
            }

            try
            {
                return await FederateAsync(cancellationToken);
            }
            catch (Exception e) when (early && !cancellationToken.IsCancellationRequested && current is not null && _time.GetUtcNow() < current.ExpiresAt - MinimumValidity)
            {
                DateTimeOffset now = _time.GetUtcNow();
                DateTimeOffset nextAttempt = now + EarlyRetryDelay < current.ExpiresAt - MinimumValidity ? now + EarlyRetryDelay : current.ExpiresAt - MinimumValidity;
                var kept = current with { RefreshAt = nextAttempt };
                _session = kept;
                Log.EarlyRefreshFailed(_logger, Description, current.ExpiresAt, e.Message, nextAttempt);
                return kept;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads the (possibly rotated) instance certificate and exchanges it for a token bound to a fresh session key. The
    /// certificate and its key are separate metadata reads, so a rotation between them (or between the reads and the exchange)
    /// makes the federation service refuse the pair: a 401 re-reads the identity once.
    /// </summary>
    private async Task<Session> FederateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await FederateOnceAsync(cancellationToken);
        }
        catch (OciServiceException e) when (e.StatusCode == HttpStatusCode.Unauthorized && !e.ClockSkew)
        {
            Log.FederationRefusedRereadingIdentity(_logger, Description);
            return await FederateOnceAsync(cancellationToken);
        }
    }

    private async Task<Session> FederateOnceAsync(CancellationToken cancellationToken)
    {
        // The leaf certificate rotates, so it is re-read on every refresh.
        using InstanceIdentity identity = await _metadata.GetIdentityAsync(cancellationToken);
        string tenancy = InstanceCertificates.TenancyOf(identity.Certificate)
            ?? throw new OciServiceException(0, null, "The instance certificate has no 'opc-tenant:' subject attribute, so it cannot identify a tenancy.", null);
        if (_certificateTenancy is { } known && !string.Equals(known, tenancy, StringComparison.Ordinal))
        {
            throw new OciServiceException(0, null, $"The rotated instance certificate names tenancy {tenancy}, but earlier ones named {known}; refusing to switch tenancy.", null);
        }

        _certificateTenancy = tenancy;
        OciRegion region = await GetRegionAsync(cancellationToken);
        OciEndpoint auth = _options.Endpoints.Auth is { } configured
            ? new OciEndpoint(OciEndpoints.BaseOf(OciService.Auth, configured), OciService.Auth, "CostSync:Oci:Endpoints:Auth", null)
            : new OciEndpoint(OciEndpoints.BaseOf(OciService.Auth, OciEndpoints.DefaultHost(OciService.Auth, region)), OciService.Auth, null, region);
        var sessionKey = RSA.Create(2048);
        string token = await _federation.GetTokenAsync(auth, identity, tenancy, sessionKey, cancellationToken);
        DateTimeOffset expiresAt;
        try
        {
            expiresAt = JwtExpiry.Read(token);
        }
        catch (FormatException e)
        {
            throw new OciServiceException(0, null, $"The federation service answered with an unusable token: {e.Message}", null, e);
        }

        // Old session keys are not disposed: a request may still be signing with one.
        var next = new Session(new OciSigningKey("ST$" + token, sessionKey), RefreshTime(_time.GetUtcNow(), expiresAt), expiresAt);
        _session = next;
        Log.TokenRefreshed(_logger, Description, expiresAt);
        return next;
    }

    /// <summary>When to refresh: 5 minutes before expiry, or at half-life for tokens shorter than 10 minutes.</summary>
    internal static DateTimeOffset RefreshTime(DateTimeOffset now, DateTimeOffset expiresAt)
    {
        TimeSpan lifetime = expiresAt - now;
        if (lifetime <= MinimumValidity)
        {
            return now + MinimumValidity / 2;
        }

        TimeSpan margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
        return expiresAt - margin;
    }

    private sealed record Session(OciSigningKey Key, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt);
}
