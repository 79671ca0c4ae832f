using CostSync.Oci.Auth;
using CostSync.Oci.Endpoints;

namespace CostSync.Tests.Support;

/// <summary>An <see cref="IOciAuthProvider"/> that only knows its tenancy; the engine never signs anything.</summary>
public sealed class FakeOciAuthProvider(string tenancyId) : IOciAuthProvider
{
    public string Description => "fake principal";

    public bool CanRefresh => false;

    public ValueTask<OciSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RefreshAsync(OciSigningKey rejected, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<OciRegion> GetRegionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<string> GetTenancyIdAsync(CancellationToken cancellationToken) => ValueTask.FromResult(tenancyId);
}
