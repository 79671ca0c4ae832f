using System.Diagnostics.Metrics;
using Amazon.S3.Model;
using CostSync.Oci.Telemetry;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations.S3;
using CostSync.Sync.Telemetry;
using CostSync.Sync.Transfer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace CostSync.Tests.Sync.Telemetry;

/// <summary>The AWS SDK's telemetry hook feeds the S3 side of <c>costsync.retries</c>: a loopback S3 answers 503 SlowDown, then 200.</summary>
public sealed class S3TelemetryBridgeTests : IAsyncLifetime
{
    private const string EmptyListing = """<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>reports</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>""";
    private const string SlowDown = """<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>""";
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddMetrics()
        .AddSingleton(new PartBufferPool(1024 * 1024))
        .AddSingleton<RetryTally>()
        .AddSingleton<SyncMetrics>()
        .AddSingleton<S3TelemetryBridge>()
        .BuildServiceProvider();

    private WebApplication _s3 = null!;
    private int _requests;
    private int _failuresLeft;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        _s3 = builder.Build();
        _s3.Run(async context =>
        {
            Interlocked.Increment(ref _requests);
            var fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
            context.Response.StatusCode = fail ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(fail ? SlowDown : EmptyListing, context.RequestAborted);
        });
        await _s3.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _s3.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task ListObjects_OneSlowDownThenSuccess_CountsOneS3Retry()
    {
        _failuresLeft = 1;
        using var retries = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(), CostSyncMeter.Name, CostSyncMeter.Retries);
        using var client = CreateClient();

        await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "reports" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, _requests);
        var retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal((1L, "s3"), (retry.Value, retry.Tags["side"]));
    }

    [Fact]
    public async Task ListObjects_FirstAttemptSucceeds_CountsNoRetry()
    {
        using var retries = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(), CostSyncMeter.Name, CostSyncMeter.Retries);
        using var client = CreateClient();

        await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "reports" }, TestContext.Current.CancellationToken);
        await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "reports" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, _requests);
        Assert.Empty(retries.GetMeasurementSnapshot());
    }

    private Amazon.S3.AmazonS3Client CreateClient()
    {
        var address = _s3.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var options = new DestinationOptions { Bucket = "reports", ServiceUrl = new Uri(address), ForcePathStyle = true, Region = "us-east-1" };
        return S3ClientBuilder.Build(options, new Amazon.Runtime.BasicAWSCredentials("test", "secret"), telemetry: _services.GetRequiredService<S3TelemetryBridge>().TelemetryProvider);
    }
}
