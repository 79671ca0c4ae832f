using CostSync.Oci.Auth;
using CostSync.Sync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Commands;

/// <summary>The source bucket: <c>Source:Bucket</c>, or the principal's tenancy OCID (the bling convention).</summary>
internal sealed class SourceBucketResolver(IOciAuthProvider auth, IOptions<SourceOptions> options)
{
    public async Task<string> ResolveAsync(CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(options.Value.Bucket)
            ? await auth.GetTenancyIdAsync(cancellationToken)
            : options.Value.Bucket.Trim();
}
