using System.Runtime.CompilerServices;
using CostSync.Oci.ObjectStorage;

namespace CostSync.Bench.Planning;

/// <summary>An in-memory source listing (only <c>ListObjects</c>): the planner's input at any size.</summary>
internal sealed class MemorySource(IReadOnlyList<ObjectSummary> objects) : IObjectStorageClient
{
    public Task<string> GetNamespaceAsync(CancellationToken cancellationToken) => Task.FromResult("bling");

    public async IAsyncEnumerable<ObjectSummary> ListObjectsAsync(ListObjectsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var o in objects)
        {
            yield return o;
        }
    }

    public Task<ObjectMetadata?> HeadObjectAsync(HeadObjectRequest request, CancellationToken cancellationToken) => throw new NotSupportedException("Planning reads no object.");

    public Task<GetObjectResponse> GetObjectAsync(GetObjectRequest request, CancellationToken cancellationToken) => throw new NotSupportedException("Planning reads no object.");
}
