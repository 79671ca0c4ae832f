using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using CostSync.Oci;
using CostSync.Oci.ObjectStorage;

namespace CostSync.Tests.Support;

/// <summary>
/// An in-memory <see cref="IObjectStorageClient"/> that counts calls, honours Range and If-Match, and injects faults per
/// object name (503, 429, truncated body, flipped byte) and an optional gate that holds GETs until a test releases them.
/// </summary>
public sealed class FakeObjectStorageClient : IObjectStorageClient
{
    private readonly ConcurrentDictionary<string, FakeObject> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeGetFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, long Offset), FakeGetFault> _rangeFaults = new();
    private readonly ConcurrentDictionary<(string Name, long Offset), int> _rangeReads = new();
    private readonly ConcurrentDictionary<string, bool> _hidden = new(StringComparer.Ordinal);
    private int _listCalls;
    private int _headCalls;
    private int _getCalls;

    public string Namespace { get; init; } = "bling";

    public string Bucket { get; init; } = "ocid1.tenancy.oc1..fake";

    public int ListCalls => _listCalls;

    public int HeadCalls => _headCalls;

    public int GetCalls => _getCalls;

    /// <summary>When set, every GetObject signals <see cref="GetEntered"/> and waits for this task first.</summary>
    public Task? GetGate { get; set; }

    /// <summary>Limits <see cref="GetGate"/> to this object; all objects when null.</summary>
    public string? GateName { get; set; }

    public TaskCompletionSource GetEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when a <see cref="FakeGetFault.Stalled"/> body has sent all it will send.</summary>
    public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IEnumerable<FakeObject> Objects => _objects.Values;

    public FakeObject this[string name] => _objects[name];

    public FakeObject Put(string name, long size, int seed = 0, int? multipartParts = null, DateTimeOffset? created = null, bool crc32c = true, bool hashed = true)
    {
        var o = new FakeObject(name, new GeneratedContent(size, seed == 0 ? name.GetHashCode(StringComparison.Ordinal) : seed), multipartParts, created ?? new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), crc32c, hashed);
        _objects[name] = o;
        return o;
    }

    public void Remove(string name) => _objects.TryRemove(name, out _);

    /// <summary>Queues faults for the next GetObject calls of <paramref name="name"/>, one per call.</summary>
    public void InjectFaults(string name, params FakeGetFault[] faults)
    {
        var queue = _faults.GetOrAdd(name, _ => new ConcurrentQueue<FakeGetFault>());
        foreach (var f in faults)
        {
            queue.Enqueue(f);
        }
    }

    /// <summary>Every GetObject of <paramref name="name"/> whose range starts at <paramref name="offset"/> gets <paramref name="fault"/>.</summary>
    public void FailRangeAlways(string name, long offset, FakeGetFault fault) => _rangeFaults[(name, offset)] = fault;

    /// <summary>GetObject calls of <paramref name="name"/> whose range started at <paramref name="offset"/> (0 for whole reads).</summary>
    public int ReadsAt(string name, long offset) => _rangeReads.GetValueOrDefault((name, offset));

    /// <summary>Keeps <paramref name="name"/> in listings but answers 404 to HeadObject and GetObject: it left between listing and reading.</summary>
    public void GoneAfterListing(string name) => _hidden[name] = true;

    public void ResetCounters()
    {
        _listCalls = 0;
        _headCalls = 0;
        _getCalls = 0;
    }

    public Task<string> GetNamespaceAsync(CancellationToken cancellationToken) => Task.FromResult(Namespace);

    public async IAsyncEnumerable<ObjectSummary> ListObjectsAsync(ListObjectsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listCalls);
        CheckBucket(request.NamespaceName, request.BucketName);
        await Task.Yield();
        foreach (var o in _objects.Values.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (request.Prefix is null || o.Name.StartsWith(request.Prefix, StringComparison.Ordinal))
            {
                yield return o.Summary;
            }
        }
    }

    public Task<ObjectMetadata?> HeadObjectAsync(HeadObjectRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _headCalls);
        CheckBucket(request.NamespaceName, request.BucketName);
        if (!_objects.TryGetValue(request.ObjectName, out var o) || _hidden.ContainsKey(request.ObjectName))
        {
            return Task.FromResult<ObjectMetadata?>(null);
        }

        if (request.IfMatch is { } ifMatch && ifMatch != o.ETag)
        {
            throw new OciServiceException(HttpStatusCode.PreconditionFailed, "IfMatchFailed", "The If-Match header did not match.", "fake");
        }

        return Task.FromResult<ObjectMetadata?>(Metadata(o, o.Content.Length, whole: true));
    }

    public async Task<GetObjectResponse> GetObjectAsync(GetObjectRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _getCalls);
        CheckBucket(request.NamespaceName, request.BucketName);
        if (GetGate is { } gate && (GateName is null || GateName == request.ObjectName))
        {
            GetEntered.TrySetResult();
            await gate.WaitAsync(cancellationToken);
        }

        if (!_objects.TryGetValue(request.ObjectName, out var o) || _hidden.ContainsKey(request.ObjectName))
        {
            throw new OciServiceException(HttpStatusCode.NotFound, "ObjectNotFound", $"The object '{request.ObjectName}' was not found.", "fake");
        }

        if (request.IfMatch is { } ifMatch && ifMatch != o.ETag)
        {
            throw new OciServiceException(HttpStatusCode.PreconditionFailed, "IfMatchFailed", "The If-Match header did not match.", "fake");
        }

        var offset = request.Range?.Offset ?? 0;
        _rangeReads.AddOrUpdate((o.Name, offset), 1, (_, n) => n + 1);
        var fault = _rangeFaults.TryGetValue((o.Name, offset), out var always) ? always
            : _faults.TryGetValue(o.Name, out var q) && q.TryDequeue(out var f) ? f : FakeGetFault.None;
        switch (fault)
        {
            case FakeGetFault.ServiceUnavailable:
                throw new OciServiceException(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "Injected 503.", "fake");
            case FakeGetFault.TooManyRequests:
                throw new OciServiceException(HttpStatusCode.TooManyRequests, "TooManyRequests", "Injected 429.", "fake");
            case FakeGetFault.NotFound:
                throw new OciServiceException(HttpStatusCode.NotFound, "ObjectNotFound", $"The object '{request.ObjectName}' was not found.", "fake");
        }

        var range = request.Range ?? new ByteRange(0, o.Content.Length);
        if (fault == FakeGetFault.ShiftedRange && request.Range is not null)
        {
            range = new ByteRange(range.Offset + 1, Math.Min(range.Length, o.Content.Length - range.Offset - 1));
        }

        var stream = new GeneratedStream(o.Content, range.Offset, range.Length, fault, Stalled);
        return new GetObjectResponse(Metadata(o, range.Length, request.Range is null), stream, o.Content.Length, null) { ContentRange = request.Range is null ? null : range };
    }

    private static ObjectMetadata Metadata(FakeObject o, long length, bool whole) =>
        new(length, o.ETag, whole && !o.IsMultipart ? o.Md5 : null, o.IsMultipart ? o.Md5 : null, o.Created, "application/gzip", null, "fake")
        {
            OpcContentCrc32c = whole ? o.Crc32c : null,
        };

    private void CheckBucket(string ns, string bucket)
    {
        if (ns != Namespace || bucket != Bucket)
        {
            throw new OciServiceException(HttpStatusCode.NotFound, "BucketNotFound", $"Bucket {ns}/{bucket} not found.", "fake");
        }
    }
}
