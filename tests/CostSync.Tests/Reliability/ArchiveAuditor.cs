using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Destinations.S3;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Reliability;

/// <summary>
/// Reads the archive the way an auditor would, straight from Swift and never through CostSync or its ledger: lists every key,
/// downloads and hashes every object (once per version it has seen: a key whose ETag, size and time are unchanged is not
/// downloaded again), and checks incomplete uploads and the ledger's coverage.
/// </summary>
internal sealed class ArchiveAuditor(SwiftS3Fixture swift, string bucket, string prefix) : IAsyncDisposable
{
    private readonly IAmazonS3 _client = swift.CreateClient();
    private readonly S3Destination _reader = new(swift.CreateClient(), bucket, swift.Options(bucket), ownsClient: true);
    private readonly Dictionary<(string Key, string? ETag, long Size, DateTime? Modified), string> _hashes = [];

    private string Superseded => prefix + ".costsync/superseded/";

    private string Internal => prefix + ".costsync/";

    /// <summary>
    /// Every object a reader could see now is complete: a report key holds exactly some version of its report, a preserved copy
    /// exactly some earlier version of its report, and every ledger object parses line by line.
    /// </summary>
    public async Task AssertOnlyCompleteObjectsVisibleAsync(CrashLoopSource source, string when, CancellationToken cancellationToken)
    {
        foreach (var o in await ListAsync(cancellationToken))
        {
            if (o.Key.StartsWith(Superseded, StringComparison.Ordinal))
            {
                var name = o.Key[Superseded.Length..o.Key.LastIndexOf('/')];
                Assert.True(source.IsVersionOf(name, await HashAsync(o, cancellationToken)), $"{when}: {o.Key} is not a complete earlier version of {name}");
            }
            else if (o.Key.StartsWith(Internal + "ledger/", StringComparison.Ordinal))
            {
                var entries = await LedgerContents.LinesAsync(_reader, o.Key, cancellationToken);
                Assert.All(entries, line => Assert.True(line.StartsWith('{') && line.EndsWith('}'), $"{when}: {o.Key} has a partial line: {line}"));
            }
            else if (!o.Key.StartsWith(Internal, StringComparison.Ordinal))
            {
                var name = o.Key[prefix.Length..];
                Assert.True(source.IsVersionOf(name, await HashAsync(o, cancellationToken)), $"{when}: {o.Key} ({o.Size} bytes) is not a complete version of the report");
            }
        }
    }

    /// <summary>
    /// Waits (at most about a second) until every incomplete upload under the prefix is older than <paramref name="maxAge"/> by
    /// the store's own clock, so the next run's sweep must abort it. Swift reports an upload's start rounded up to the next whole
    /// second, so an upload the killed run started can look younger than it is when the next run starts right away; CostSync
    /// rightly leaves a younger upload alone (it may be another process's).
    /// </summary>
    public async Task WaitUntilIncompleteUploadsAreStaleAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var uploads = await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Prefix = prefix }, cancellationToken);
        var newest = (uploads.MultipartUploads ?? []).Max(u => u.Initiated);
        if (newest is { } started)
        {
            var wait = new DateTimeOffset(started, TimeSpan.Zero) + maxAge - TimeProvider.System.GetUtcNow();
            Assert.True(wait < TimeSpan.FromSeconds(5), $"an incomplete upload started at {started:O}, in the future");
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, TimeProvider.System, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The archive holds exactly the current source bytes under every report's key and no other report, no incomplete upload
    /// is left under the prefix, and the ledger records every archived report. Returns the number of reports checked.
    /// </summary>
    public async Task<int> AssertArchiveEqualsSourceAsync(CrashLoopSource source, string when, bool downloadEverything, CancellationToken cancellationToken)
    {
        if (downloadEverything)
        {
            _hashes.Clear();
        }

        var reports = (await ListAsync(cancellationToken)).Where(o => !o.Key.StartsWith(Internal, StringComparison.Ordinal)).ToList();
        var names = source.Names.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(names.Order(StringComparer.Ordinal), reports.Select(o => o.Key[prefix.Length..]).Order(StringComparer.Ordinal));
        foreach (var o in reports)
        {
            var name = o.Key[prefix.Length..];
            Assert.True(source.Current(name) == await HashAsync(o, cancellationToken), $"{when}: {o.Key} does not hold the source's current bytes");
        }

        var uploads = await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Prefix = prefix }, cancellationToken);
        Assert.True((uploads.MultipartUploads ?? []).Count == 0, $"{when}: incomplete uploads remain: {string.Join(", ", (uploads.MultipartUploads ?? []).Select(u => $"{u.Key} (started {u.Initiated:O})"))}");

        var recorded = await LedgerContents.RecordedKeysAsync(_reader, prefix, cancellationToken);
        Assert.All(reports, o => Assert.True(recorded.Contains(o.Key), $"{when}: the ledger does not record {o.Key}"));
        return reports.Count;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _reader.DisposeAsync();
    }

    private async Task<List<S3Object>> ListAsync(CancellationToken cancellationToken)
    {
        var objects = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        do
        {
            var page = await _client.ListObjectsV2Async(request, cancellationToken);
            objects.AddRange(page.S3Objects ?? []);
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
        return objects;
    }

    private async Task<string> HashAsync(S3Object o, CancellationToken cancellationToken)
    {
        var version = (o.Key, o.ETag, o.Size ?? 0, o.LastModified);
        if (_hashes.TryGetValue(version, out var known))
        {
            return known;
        }

        using var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = o.Key }, cancellationToken);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1024 * 1024];
        long total = 0;
        int read;
        while ((read = await response.ResponseStream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            total += read;
        }

        Assert.Equal(o.Size, total);
        var hash = Convert.ToHexString(sha.GetHashAndReset());
        _hashes[version] = hash;
        return hash;
    }
}
