using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CostSync.Tests.Support;

/// <summary>
/// An in-process OTLP receiver on 127.0.0.1:0 (Kestrel): HTTP/1.1 for OTLP/HTTP (<c>POST /v1/metrics</c>) or cleartext
/// HTTP/2 for OTLP/gRPC (<c>POST /opentelemetry.proto.collector.metrics.v1.MetricsService/Export</c>). It keeps every
/// request's path, content type and body and answers with an empty success message.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<OtlpRequest> Requests { get; } = new();

    public static async Task<OtlpReceiver> StartAsync(bool grpc, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.Run(context => receiver.HandleAsync(context, grpc));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, bool grpc)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        Requests.Enqueue(new OtlpRequest(context.Request.Path, context.Request.ContentType, body.ToArray()));
        if (grpc)
        {
            // An empty ExportMetricsServiceResponse: the 5-byte gRPC frame header, then grpc-status 0 as a trailer.
            context.Response.ContentType = "application/grpc";
            context.Response.AppendTrailer("grpc-status", "0");
            await context.Response.Body.WriteAsync(new byte[5], context.RequestAborted);
            return;
        }

        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
