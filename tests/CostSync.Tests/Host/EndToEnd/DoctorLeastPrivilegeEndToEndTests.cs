using Amazon.Runtime;
using Amazon.S3.Model;
using CostSync.Sync.Destinations;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace CostSync.Tests.Host.EndToEnd;

/// <summary>
/// <c>doctor</c>'s write probe works under deploy/aws/iam-policy.json, which grants no <c>s3:DeleteObject</c>: it uploads one
/// part and aborts the upload, so it never deletes and never leaves an object behind.
/// </summary>
public sealed class DoctorLeastPrivilegeEndToEndTests(SwiftS3Fixture swift) : IAsyncLifetime
{
    private readonly List<CountingDestination> _destinations = [];
    private CliHarness _cli = null!;
    private string _bucket = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _cli = await CliHarness.StartAsync(ct);
        _bucket = await swift.CreateBucketAsync(ct);
        _cli.ToSwift(swift, _bucket);
        _cli.Settings["CostSync:Destination:Prefix"] = "oci";
        _cli.VaultHoldsSwiftKeys();
        _cli.ConfigureServices = services => services.Decorate(inner => new RecordingFactory(inner, _destinations));
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Doctor_WriteProbe_UploadsAPartAndAbortsWithoutDeleting()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await _cli.RunAsync(["doctor"], ct);

        Assert.Contains("OK    destination write", result.Output, StringComparison.Ordinal);
        Assert.Contains("aborted the upload (nothing stored)", result.Output, StringComparison.Ordinal);
        var calls = _destinations.SelectMany(d => d.Calls).Select(c => c.Operation).ToList();
        Assert.Contains("BeginMultipart", calls);
        Assert.DoesNotContain("Delete", calls);
        Assert.DoesNotContain("Put", calls);
        using var client = swift.CreateClient();
        Assert.Empty((await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket }, ct)).S3Objects ?? []);
        Assert.Empty((await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _bucket }, ct)).MultipartUploads ?? []);
    }

    private sealed class RecordingFactory(IDestinationFactory inner, List<CountingDestination> created) : IDestinationFactory
    {
        public IDestination Create(AWSCredentials? credentials)
        {
            var destination = new CountingDestination(inner.Create(credentials));
            created.Add(destination);
            return destination;
        }
    }
}

internal static class DestinationFactoryDecoration
{
    /// <summary>Wraps the registered <see cref="IDestinationFactory"/>.</summary>
    public static IServiceCollection Decorate(this IServiceCollection services, Func<IDestinationFactory, IDestinationFactory> wrap)
    {
        var registration = services.Last(s => s.ServiceType == typeof(IDestinationFactory));
        services.Replace(ServiceDescriptor.Singleton(sp => wrap((IDestinationFactory)ActivatorUtilities.GetServiceOrCreateInstance(sp, registration.ImplementationType!))));
        return services;
    }
}
