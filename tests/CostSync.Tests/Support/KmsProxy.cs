using System.Diagnostics;
using System.Globalization;
using Amazon.S3;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations.S3;

namespace CostSync.Tests.Support;

/// <summary>
/// <c>tests/servers/kmsproxy.js</c> in front of the shared Swift, on a free port: a destination that answers like an AWS bucket
/// with default SSE-KMS (ETags that are not MD5s, SSE-KMS headers), and, on demand, a bucket's encryption and Object Lock settings. Stops exactly the process it started.
/// </summary>
public sealed class KmsProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly SwiftS3Fixture _swift;

    private KmsProxy(Process process, Uri serviceUrl, SwiftS3Fixture swift)
    {
        _process = process;
        ServiceUrl = serviceUrl;
        _swift = swift;
    }

    /// <summary>How the proxy behaves.</summary>
    [Flags]
    public enum Mode
    {
        /// <summary>ETags rewritten, SSE-KMS headers on every object answer.</summary>
        Kms = 0,

        /// <summary>ETags rewritten but no SSE headers: a store whose ETags are not MD5s and that does not say so.</summary>
        NoSseHeaders = 1,

        /// <summary>AWS's S3 checksums: CRC-32C verified on PUT, UploadPart and at completion, and answered.</summary>
        Checksums = 2,

        /// <summary>GetBucketEncryption answers an aws:kms default rule.</summary>
        BucketEncryption = 4,

        /// <summary>GetBucketEncryption answers 403 AccessDenied.</summary>
        BucketEncryptionDenied = 8,

        /// <summary>GetObjectLockConfiguration answers Object Lock enabled, without a default retention.</summary>
        ObjectLock = 16,

        /// <summary>GetObjectLockConfiguration answers Object Lock enabled with a default retention of GOVERNANCE for 30 days.</summary>
        ObjectLockDefault = 32,

        /// <summary>GetObjectLockConfiguration answers 404 ObjectLockConfigurationNotFoundError, as AWS does for a bucket without Object Lock.</summary>
        ObjectLockMissing = 64,

        /// <summary>GetObjectLockConfiguration answers 403 AccessDenied.</summary>
        ObjectLockDenied = 128,
    }

    public Uri ServiceUrl { get; }

    public static async Task<KmsProxy> StartAsync(SwiftS3Fixture swift, Mode mode, CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "tests", "servers", "kmsproxy.js");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "0", swift.ServiceUrl.ToString().TrimEnd('/'), SwiftS3Fixture.AccessKey, SwiftS3Fixture.SecretKey })
        {
            start.ArgumentList.Add(argument);
        }

        if (mode.HasFlag(Mode.NoSseHeaders))
        {
            start.ArgumentList.Add("--no-sse-headers");
        }

        if (mode.HasFlag(Mode.Checksums))
        {
            start.ArgumentList.Add("--checksums");
        }

        if (mode.HasFlag(Mode.BucketEncryption))
        {
            start.ArgumentList.Add("--bucket-encryption");
        }

        if (mode.HasFlag(Mode.BucketEncryptionDenied))
        {
            start.ArgumentList.Add("--bucket-encryption-denied");
        }

        foreach (var (flag, argument) in new[] { (Mode.ObjectLock, "--object-lock"), (Mode.ObjectLockDefault, "--object-lock-default"), (Mode.ObjectLockMissing, "--object-lock-missing"), (Mode.ObjectLockDenied, "--object-lock-denied") })
        {
            if (mode.HasFlag(flag))
            {
                start.ArgumentList.Add(argument);
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; Node 20 must be on PATH.");
        try
        {
            // The first line names the port; later lines (one per request) are drained so the proxy never blocks on a full pipe.
            var listening = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) => listening.TrySetResult(e.Data);
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var first = await listening.Task.WaitAsync(cancellationToken);
            if (first is null || !first.StartsWith("listening 127.0.0.1:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"tests/servers/kmsproxy.js did not start: {first}");
            }

            var port = int.Parse(first["listening 127.0.0.1:".Length..], CultureInfo.InvariantCulture);
            return new KmsProxy(process, new Uri($"http://127.0.0.1:{port}"), swift);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Options for an S3 destination reached through the proxy; <c>ServerSideEncryption</c> unset, as on a bucket with a default.</summary>
    public DestinationOptions Options(string bucket, DestinationChecksum? checksum = null)
    {
        var options = _swift.Options(bucket);
        options.ServiceUrl = ServiceUrl;
        options.Checksum = checksum;
        return options;
    }

    /// <summary>A client through the proxy; every HTTP request is recorded in <paramref name="log"/> when given.</summary>
    public IAmazonS3 CreateClient(RequestLog? log = null) =>
        S3ClientBuilder.Build(Options("unused"), _swift.Credentials, log is null ? null : new CountingHttpClientFactory(log));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
