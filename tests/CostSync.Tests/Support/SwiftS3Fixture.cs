using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations.S3;
using Xunit;

namespace CostSync.Tests.Support;

/// <summary>
/// OpenStack Swift with s3api on <c>http://127.0.0.1:18080</c>: reuses a server already answering there, otherwise starts
/// <c>tests/servers/swift-s3.sh</c> in a temp folder and stops exactly the processes it started. One per test assembly.
/// </summary>
public sealed class SwiftS3Fixture : IAsyncLifetime
{
    public const int Port = 18080;
    public const string AccessKey = "test:tester";
    public const string SecretKey = "testing";
    public const string Region = "us-east-1";

    private string? _startedIn;

    public Uri ServiceUrl { get; } = new($"http://127.0.0.1:{Port}");

    public AWSCredentials Credentials { get; } = new BasicAWSCredentials(AccessKey, SecretKey);

    public async ValueTask InitializeAsync()
    {
        if (await AnswersAsync())
        {
            return;
        }

        if (FindOnPath("swift-proxy-server") is null || FindOnPath("memcached") is null)
        {
            throw new InvalidOperationException(
                "The S3 tests need OpenStack Swift with s3api and memcached, which are not installed. Install them with: " +
                "sudo apt-get install -y --no-install-recommends swift swift-proxy swift-account swift-container swift-object memcached " +
                "(or run ./test.sh, which installs everything the tests need).");
        }

        _startedIn = Path.Combine(Path.GetTempPath(), "costsync-swift-" + Guid.NewGuid().ToString("N")[..8]);
        var script = Path.Combine(RepositoryRoot(), "tests", "servers", "swift-s3.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, _startedIn, Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !await AnswersAsync())
        {
            throw new InvalidOperationException($"tests/servers/swift-s3.sh could not start Swift on port {Port} (exit {process.ExitCode}): {await stderr} Logs: {_startedIn}/log");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_startedIn is null)
        {
            return;
        }

        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(_startedIn, "pids")))
        {
            if (int.TryParse(line, out var pid))
            {
                try
                {
                    using var p = Process.GetProcessById(pid);
                    p.Kill();
                }
                catch (ArgumentException)
                {
                    // already gone
                }
            }
        }
    }

    /// <summary>Options for an S3 destination on this server.</summary>
    public DestinationOptions Options(string bucket, bool s3Compatible = true) => new()
    {
        Kind = DestinationKind.S3,
        Bucket = bucket,
        ServiceUrl = ServiceUrl,
        ForcePathStyle = true,
        Region = Region,
        S3Compatible = s3Compatible,
    };

    /// <summary>A client for this server; every HTTP request is recorded in <paramref name="log"/> when given.</summary>
    public IAmazonS3 CreateClient(RequestLog? log = null, bool s3Compatible = true) =>
        S3ClientBuilder.Build(Options("unused", s3Compatible), Credentials, log is null ? null : new CountingHttpClientFactory(log));

    /// <summary>Creates a bucket with a unique name and returns the name.</summary>
    public async Task<string> CreateBucketAsync(CancellationToken cancellationToken)
    {
        var name = "costsync-" + Guid.NewGuid().ToString("N")[..16];
        using var client = CreateClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name }, cancellationToken);
        return name;
    }

    /// <summary>Deletes a test bucket with everything in it (objects and incomplete uploads), so large test runs give the disk back.</summary>
    public async Task DeleteBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket }, cancellationToken);
        foreach (var upload in uploads.MultipartUploads ?? [])
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = upload.Key, UploadId = upload.UploadId }, cancellationToken);
        }

        var request = new ListObjectsV2Request { BucketName = bucket };
        do
        {
            var page = await client.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in page.S3Objects ?? [])
            {
                await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = o.Key }, cancellationToken);
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
        await client.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucket }, cancellationToken);
    }

    private async Task<bool> AnswersAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(ServiceUrl, "/healthcheck"));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CostSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find CostSync.sln above {AppContext.BaseDirectory}.");
    }
}
