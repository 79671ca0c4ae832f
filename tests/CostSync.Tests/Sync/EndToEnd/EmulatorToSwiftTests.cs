using System.Net;
using CostSync.Oci;
using CostSync.OciEmulator;
using CostSync.OciEmulator.Tree;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CostSync.Tests.Sync.EndToEnd;

/// <summary>
/// The whole path over real HTTP: the OCI emulator (signature-checking, generated bling tree) → the real
/// <c>ObjectStorageClient</c> from <c>AddOciClients()</c> → the engine → Swift S3 built by <see cref="IDestinationFactory"/>.
/// </summary>
public sealed class EmulatorToSwiftTests(SwiftS3Fixture swift)
{
    private const int MiB = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_EmulatorTreeToSwift_CopiesEverythingVerifiedThenSecondRunReadsNoObject()
    {
        // The emulator checks signature dates against its clock, so it runs on the real one here.
        await using var emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.Default }, Ct);
        var directory = Path.Combine(Path.GetTempPath(), "costsync-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var big = new GeneratedContent(14 * MiB, 7).ToArray();
            emulator.Objects.Put("FOCUS Reports/2026/11/24/large-report.csv.gz", big);
            var bucket = await swift.CreateBucketAsync(Ct);
            await using var provider = BuildServices(emulator, emulator.WriteApiKeyConfig(directory), swift.Options(bucket));
            var engine = provider.GetRequiredService<ISyncEngine>();
            var factory = provider.GetRequiredService<IDestinationFactory>();
            emulator.Faults.FailEveryNth(5, HttpStatusCode.ServiceUnavailable, Operations.GetObject);
            emulator.Faults.TruncateBodies(1);

            await using (var destination = factory.Create(swift.Credentials))
            {
                var first = await engine.RunAsync(new SyncRunContext("e2e-1", destination), Ct);

                Assert.Equal(SyncRunStatus.Succeeded, first.Status);
                Assert.Equal(emulator.Objects.Count, first.Totals.Copied);
            }

            Assert.Contains(emulator.Requests.Entries, e => e.Status == 503);
            Assert.True(emulator.Objects.Count > 10, "the generated tree should hold cost and FOCUS reports");

            using var s3 = swift.CreateClient();
            foreach (var o in emulator.Objects.All)
            {
                using var stored = await s3.GetObjectAsync(bucket, "oci/" + o.Name, Ct);
                using var copy = new MemoryStream();
                await stored.ResponseStream.CopyToAsync(copy, Ct);
                Assert.True(o.Content.Span.SequenceEqual(copy.ToArray()), $"{o.Name} differs at the destination");
            }

            emulator.Faults.Reset();
            emulator.Requests.Clear();
            await using (var destination = factory.Create(swift.Credentials))
            {
                var second = await engine.RunAsync(new SyncRunContext("e2e-2", destination), Ct);

                Assert.Equal(SyncRunStatus.Succeeded, second.Status);
                Assert.Equal(emulator.Objects.Count, second.Totals.Skipped);
            }

            Assert.Equal(0, emulator.Requests.Count(Operations.GetObject));
            Assert.Equal(0, emulator.Requests.Count(Operations.HeadObject));
            Assert.True(emulator.Requests.Count(Operations.ListObjects) >= 1);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Run_FlippedByteInEveryReadOfMultipartUploadedSources_IsDetectedByOciCrc32cAndNothingIsStored()
    {
        await using var emulator = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Tree = BlingTreeOptions.None }, Ct);
        var directory = Path.Combine(Path.GetTempPath(), "costsync-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            // Uploaded to OCI in parts, so OCI has no whole-object MD5 for them: one copied in a single PUT, one in parts.
            var small = emulator.Objects.Put("FOCUS Reports/2026/11/24/small-multipart.csv.gz", new GeneratedContent(900_000, 3).ToArray(), multipart: true, partSize: 300_000);
            var big = emulator.Objects.Put("FOCUS Reports/2026/11/24/large-multipart.csv.gz", new GeneratedContent(14 * MiB, 4).ToArray(), multipart: true, partSize: 8 * MiB);
            var bucket = await swift.CreateBucketAsync(Ct);
            await using var provider = BuildServices(emulator, emulator.WriteApiKeyConfig(directory), swift.Options(bucket));
            var engine = provider.GetRequiredService<ISyncEngine>();
            var factory = provider.GetRequiredService<IDestinationFactory>();
            emulator.Faults.FlipByte(1000);

            SyncRunResult damaged;
            await using (var destination = factory.Create(swift.Credentials))
            {
                damaged = await engine.RunAsync(new SyncRunContext("flip-1", destination), Ct);
            }

            Assert.Equal(SyncRunStatus.Failed, damaged.Status);
            Assert.All(damaged.Outcomes, o => Assert.Contains("OCI stored", o.Error, StringComparison.Ordinal));
            using var s3 = swift.CreateClient();
            var listed = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket }, Ct);
            Assert.DoesNotContain(listed.S3Objects ?? [], o => o.Key.EndsWith("multipart.csv.gz", StringComparison.Ordinal));
            var uploads = await s3.ListMultipartUploadsAsync(new Amazon.S3.Model.ListMultipartUploadsRequest { BucketName = bucket }, Ct);
            Assert.Empty(uploads.MultipartUploads ?? []);

            emulator.Faults.Reset();
            await using (var destination = factory.Create(swift.Credentials))
            {
                var clean = await engine.RunAsync(new SyncRunContext("flip-2", destination), Ct);
                Assert.Equal((SyncRunStatus.Succeeded, 2), (clean.Status, clean.Totals.Copied));
            }

            foreach (var o in new[] { small, big })
            {
                using var stored = await s3.GetObjectAsync(bucket, "oci/" + o.Name, Ct);
                using var copy = new MemoryStream();
                await stored.ResponseStream.CopyToAsync(copy, Ct);
                Assert.True(o.Content.Span.SequenceEqual(copy.ToArray()), $"{o.Name} differs at the destination");
                Assert.Equal(o.Crc32c, stored.Metadata["x-amz-meta-costsync-source-crc32c"]);
            }
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static ServiceProvider BuildServices(OciEmulatorServer emulator, string configPath, DestinationOptions destination)
    {
        destination.Prefix = "oci";
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<OciOptions>(o =>
        {
            o.Auth = OciAuthMode.ApiKey;
            o.ConfigFile = configPath;
            o.Endpoints.ObjectStorage = emulator.BaseUri;
        });
        services.AddOciClients();
        services.AddSingleton(Options.Create(destination));
        services.AddSingleton(Options.Create(new TransferOptions { MultipartThresholdMiB = 6, PartSizeMiB = 5, MemoryBudgetMiB = 64, RetryDelay = TimeSpan.FromMilliseconds(10) }));
        services.AddSyncEngine();
        return services.BuildServiceProvider();
    }
}
