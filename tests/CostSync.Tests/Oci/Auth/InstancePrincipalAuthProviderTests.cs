using System.Net;
using CostSync.Oci;
using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;
using CostSync.Oci.ObjectStorage;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Oci.Auth;

/// <summary>Instance principal end to end: IMDS, federation, token refresh on a fake clock shared with the emulator.</summary>
public sealed class InstancePrincipalAuthProviderTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("costsync-ip-");
    private readonly OciWireLog _wire = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private OciEmulatorServer _emulator = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { TimeProvider = _time, Tree = BlingTreeOptions.None, TokenLifetime = TimeSpan.FromHours(1) }, Ct);
        _emulator.Objects.Put("reports/cost-csv/a.csv.gz", [1, 2, 3]);
        _services = OciClientServices.Create(_emulator, OciAuthMode.InstancePrincipal, _directory.FullName, _time, services: s => s.AddFakeLogging(), wire: _wire);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Discovery_OnTheVm_TenancyAndRegionComeFromMetadata()
    {
        IOciAuthProvider sut = _services.GetRequiredService<IOciAuthProvider>();

        Assert.Equal(_emulator.TenancyId, await sut.GetTenancyIdAsync(Ct));
        Assert.Equal(new OciRegion("us-ashburn-1", "oraclecloud.com"), await sut.GetRegionAsync(Ct));
        Assert.Contains(_emulator.TenancyId, sut.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_Overrides_WinOverMetadata()
    {
        await using ServiceProvider services = OciClientServices.Create(_emulator, OciAuthMode.InstancePrincipal, _directory.FullName, _time,
            o => (o.Region, o.TenancyId) = ("fra", "ocid1.tenancy.oc1..override"));
        IOciAuthProvider sut = services.GetRequiredService<IOciAuthProvider>();

        Assert.Equal("ocid1.tenancy.oc1..override", await sut.GetTenancyIdAsync(Ct));
        Assert.Equal("eu-frankfurt-1", (await sut.GetRegionAsync(Ct)).Id);
    }

    [Fact]
    public async Task ListObjects_TokenNearExpiry_IsRefreshedBeforeItExpires()
    {
        await ListAsync();
        _time.Advance(TimeSpan.FromMinutes(50));
        await ListAsync();
        int afterFifty = _wire.Count(IsFederation);
        _time.Advance(TimeSpan.FromMinutes(6));
        await ListAsync();

        Assert.Equal(1, afterFifty);
        Assert.Equal(2, _wire.Count(IsFederation));
        Assert.Equal(0, _wire.Count(HttpStatusCode.Unauthorized));
        Assert.StartsWith("ST$", (await _services.GetRequiredService<IOciAuthProvider>().GetSigningKeyAsync(Ct)).KeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListObjects_AllTokensExpired_RefreshesOnceAndSucceeds()
    {
        await ListAsync();
        _emulator.Faults.ExpireAllTokens();

        await ListAsync();

        Assert.Equal(2, _wire.Count(IsFederation));
        Assert.Equal(1, _wire.Count(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task ListObjects_CertificateRotatedAndTokensExpired_RereadsCertificate()
    {
        await ListAsync();
        _emulator.Faults.RotateInstanceCertificate();
        _emulator.Faults.ExpireAllTokens();

        await ListAsync();

        Assert.Equal(2, _wire.Count(IsFederation));
        Assert.Equal(_emulator.TenancyId, await _services.GetRequiredService<IOciAuthProvider>().GetTenancyIdAsync(Ct));
    }

    [Fact]
    public async Task ListObjects_CertificateRotatesBetweenTheReadsOfCertificateAndKey_RereadsTheIdentityOnceAndSucceeds()
    {
        // The first federation reads identity/cert.pem, then identity/key.pem: hold the key's read and rotate the leaf meanwhile,
        // so the certificate read and the key read belong to different leaves and federation refuses the pair.
        var hold = _emulator.Faults.HoldNth(CostSync.OciEmulator.Operations.Metadata, 2);
        var list = ListAsync();
        await Task.WhenAny(hold.WaitForArrivalsAsync(1, Ct), list);
        Assert.False(list.IsCompleted, "the listing finished before the key was read");
        _emulator.Faults.RotateInstanceCertificate();
        hold.Release();

        await list;

        var wire = string.Join(", ", _wire.Entries.Select(e => $"{e}"));
        Assert.True(_wire.Count(e => e.Path.EndsWith("/identity/cert.pem", StringComparison.Ordinal)) == 2, wire);
        Assert.True(_wire.Entries.Last(IsFederation).Status == HttpStatusCode.OK, wire);
        Assert.Contains(_services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Name == "FederationRefusedRereadingIdentity");
    }

    [Fact]
    public async Task ListObjects_CertificateRotated_NextScheduledRefreshUsesNewCertificate()
    {
        await ListAsync();
        _emulator.Faults.RotateInstanceCertificate();
        _time.Advance(TimeSpan.FromMinutes(58));

        await ListAsync();

        Assert.Equal(2, _wire.Count(IsFederation));
        Assert.Equal(0, _wire.Count(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task ListObjects_EarlyRefreshFails_KeepsTheStillValidTokenAndRetriesAMinuteLater()
    {
        await ListAsync();
        _time.Advance(TimeSpan.FromMinutes(56));
        _emulator.Faults.FailEveryNth(1, HttpStatusCode.ServiceUnavailable, Operations.Federation);

        await ListAsync();
        int afterFailedRefresh = _wire.Count(IsFederation);
        await ListAsync();
        int withinTheMinute = _wire.Count(IsFederation);
        _time.Advance(TimeSpan.FromSeconds(61));
        await ListAsync();

        Assert.True(afterFailedRefresh > 1, "the early refresh was attempted");
        Assert.Equal(afterFailedRefresh, withinTheMinute);
        Assert.True(_wire.Count(IsFederation) > withinTheMinute, "tried again after a minute");
        Assert.Equal(0, _wire.Count(HttpStatusCode.Unauthorized));
        // One warning per failed attempt (the first, and the one a minute later), each naming the token's expiry.
        var kept = _services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Id == 1007).ToList();
        Assert.Equal(2, kept.Count);
        Assert.All(kept, r => Assert.Contains("Keeping the current security token of instance principal", r.Message, StringComparison.Ordinal));
        Assert.All(kept, r => Assert.Contains("valid until 2026-11-24 13:00:00Z", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListObjects_EarlyRefreshFailsUntilExpiry_FailsOnceTheTokenHasExpired()
    {
        await ListAsync();
        _emulator.Faults.FailEveryNth(1, HttpStatusCode.ServiceUnavailable, Operations.Federation);
        _time.Advance(TimeSpan.FromMinutes(61));

        await Assert.ThrowsAsync<OciServiceException>(ListAsync);
    }

    [Fact]
    public async Task ListObjects_ClockJumpsTenMinutesAhead_ReportsTheClockOnceWithoutRefreshing()
    {
        var emulatorTime = new FakeTimeProvider(_time.GetUtcNow());
        await using OciEmulatorServer emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { TimeProvider = emulatorTime, Tree = BlingTreeOptions.None }, Ct);
        emulator.Objects.Put("reports/cost-csv/a.csv.gz", [1, 2, 3]);
        var wire = new OciWireLog();
        await using ServiceProvider services = OciClientServices.Create(emulator, OciAuthMode.InstancePrincipal, _directory.FullName, _time, services: s => s.AddFakeLogging(), wire: wire);
        var objectStorage = services.GetRequiredService<IObjectStorageClient>();
        await objectStorage.ListObjectsAsync(new ListObjectsRequest("bling", emulator.TenancyId), Ct).ToListAsync(Ct);

        _time.Advance(TimeSpan.FromMinutes(10));
        var first = await Assert.ThrowsAsync<OciServiceException>(() => objectStorage.ListObjectsAsync(new ListObjectsRequest("bling", emulator.TenancyId), Ct).ToListAsync(Ct).AsTask());
        await Assert.ThrowsAsync<OciServiceException>(() => objectStorage.ListObjectsAsync(new ListObjectsRequest("bling", emulator.TenancyId), Ct).ToListAsync(Ct).AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Contains("The local clock is 10 minutes ahead of the service's", first.Message, StringComparison.Ordinal);
        Assert.Equal(1, wire.Count(IsFederation));
        FakeLogRecord clock = Assert.Single(services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1008);
        Assert.Contains("This machine's clock is 10 minutes ahead of OCI's", clock.Message, StringComparison.Ordinal);
        Assert.Contains("timedatectl set-ntp true", clock.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Federation_ClockTenMinutesBehind_OneAttemptPerCallNamingTheClock()
    {
        var emulatorTime = new FakeTimeProvider(_time.GetUtcNow().AddMinutes(10));
        await using OciEmulatorServer emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { TimeProvider = emulatorTime, Tree = BlingTreeOptions.None }, Ct);
        var wire = new OciWireLog();
        await using ServiceProvider services = OciClientServices.Create(emulator, OciAuthMode.InstancePrincipal, _directory.FullName, _time, services: s => s.AddFakeLogging(), wire: wire);
        IOciAuthProvider sut = services.GetRequiredService<IOciAuthProvider>();

        var first = await Assert.ThrowsAsync<OciServiceException>(() => sut.GetSigningKeyAsync(Ct).AsTask());
        await Assert.ThrowsAsync<OciServiceException>(() => sut.GetSigningKeyAsync(Ct).AsTask());

        Assert.Contains("The local clock is 10 minutes behind the service's", first.Message, StringComparison.Ordinal);
        Assert.Equal(2, wire.Count(IsFederation));
        Assert.Single(services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1008);
    }

    [Fact]
    public async Task Refresh_ConcurrentCallers_FederateOnce()
    {
        IOciAuthProvider sut = _services.GetRequiredService<IOciAuthProvider>();

        OciSigningKey[] keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sut.GetSigningKeyAsync(Ct).AsTask()));

        Assert.Equal(1, _wire.Count(IsFederation));
        Assert.All(keys, k => Assert.Same(keys[0], k));
    }

    [Fact]
    public async Task Logs_AfterRefreshes_NeverContainTheToken()
    {
        await ListAsync();
        _emulator.Faults.ExpireAllTokens();
        await ListAsync();
        string keyId = (await _services.GetRequiredService<IOciAuthProvider>().GetSigningKeyAsync(Ct)).KeyId;

        IReadOnlyList<FakeLogRecord> logs = _services.GetFakeLogCollector().GetSnapshot();

        Assert.Contains(logs, r => r.Message.Contains("security token", StringComparison.Ordinal));
        Assert.All(logs, r => Assert.DoesNotContain("ST$", r.Message, StringComparison.Ordinal));
        Assert.All(logs, r => Assert.DoesNotContain(keyId[3..40], r.Message, StringComparison.Ordinal));
    }

    private static bool IsFederation(OciWireEntry e) => e.Path == "/v1/x509";

    private async Task ListAsync()
    {
        List<ObjectSummary> listed = await _services.GetRequiredService<IObjectStorageClient>()
            .ListObjectsAsync(new ListObjectsRequest("bling", _emulator.TenancyId), Ct).ToListAsync(Ct);
        Assert.Single(listed);
    }
}
