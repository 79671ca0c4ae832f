using System.Security.Cryptography;
using CostSync.Oci;
using CostSync.Oci.Auth;
using CostSync.Oci.ObjectStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Oci.ObjectStorage;

/// <summary>
/// The resilience timeouts bound a call up to its response headers, never the streamed body: a body that takes
/// longer than every timeout still arrives. The clock is fake and shared with the resilience pipeline.
/// </summary>
public sealed class GetObjectStreamingTests : IAsyncLifetime
{
    private const int Half = 64 * 1024;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("costsync-stream-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _content = RandomNumberGenerator.GetBytes(2 * Half);
    private WebApplication _server = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(ServeAsync);
        await _server.StartAsync(Ct);
        var baseUri = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        _services = CreateServices(baseUri);
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task GetObject_BodySlowerThanAllTimeouts_StillArrivesWhole()
    {
        await using GetObjectResponse response = await CreateSut().GetObjectAsync(new GetObjectRequest("bling", "b", "streamed"), Ct);
        byte[] first = new byte[Half];
        await response.Content.ReadExactlyAsync(first, Ct);

        _time.Advance(TimeSpan.FromHours(1));
        _release.SetResult();
        using var rest = new MemoryStream();
        await response.Content.CopyToAsync(rest, Ct);

        Assert.Equal(_content, first.Concat(rest.ToArray()).ToArray());
    }

    [Fact]
    public async Task GetObject_HeadersSlowerThanTimeouts_FailsWithTimeout()
    {
        Task<GetObjectResponse> call = CreateSut().GetObjectAsync(new GetObjectRequest("bling", "b", "slow-headers"), Ct);
        await _requestArrived.Task.WaitAsync(Ct);

        _time.Advance(TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<OciServiceException>(() => call);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
    }

    private async Task ServeAsync(HttpContext context)
    {
        _requestArrived.TrySetResult();
        if (context.Request.Path.Value!.EndsWith("slow-headers", StringComparison.Ordinal))
        {
            await _release.Task;
            return;
        }

        context.Response.ContentLength = _content.Length;
        await context.Response.Body.WriteAsync(_content.AsMemory(0, Half));
        await context.Response.Body.FlushAsync();
        await _release.Task;
        await context.Response.Body.WriteAsync(_content.AsMemory(Half));
    }

    private ServiceProvider CreateServices(Uri endpoint)
    {
        using var key = RSA.Create(2048);
        string keyFile = Path.Combine(_directory.FullName, "key.pem");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        string config = Path.Combine(_directory.FullName, "config");
        File.WriteAllText(config, $"[DEFAULT]\nuser=ocid1.user.oc1..u\ntenancy=ocid1.tenancy.oc1..t\nregion=us-ashburn-1\nfingerprint={KeyFingerprint.Of(key)}\nkey_file={keyFile}\n");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.Configure<OciOptions>(o =>
        {
            o.Auth = OciAuthMode.ApiKey;
            o.ConfigFile = config;
            o.Endpoints.ObjectStorage = endpoint;
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Retry.TotalRequestTimeout = TimeSpan.FromSeconds(10);
        });
        services.AddOciClients();
        return services.BuildServiceProvider();
    }

    private IObjectStorageClient CreateSut() => _services.GetRequiredService<IObjectStorageClient>();
}
