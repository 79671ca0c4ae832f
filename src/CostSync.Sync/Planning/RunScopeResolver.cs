using CostSync.Oci.Auth;
using CostSync.Sync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Sync.Planning;

/// <summary>Resolves the source bucket (default: the tenancy OCID) and the destination layout (optional tenancy folder).</summary>
internal sealed class RunScopeResolver(IOciAuthProvider auth, IOptions<SourceOptions> source, IOptions<DestinationOptions> destination)
{
    public async Task<RunScope> ResolveAsync(CancellationToken cancellationToken)
    {
        var bucket = source.Value.Bucket;
        string? tenancy = null;
        if (string.IsNullOrWhiteSpace(bucket) || destination.Value.IncludeTenancyFolder)
        {
            tenancy = await auth.GetTenancyIdAsync(cancellationToken);
        }

        return new RunScope(
            source.Value.Namespace,
            string.IsNullOrWhiteSpace(bucket) ? tenancy! : bucket,
            new KeyLayout(destination.Value.Prefix, destination.Value.IncludeTenancyFolder ? tenancy : null));
    }
}
