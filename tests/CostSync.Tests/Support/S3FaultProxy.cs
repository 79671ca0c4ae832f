using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using CostSync.Sync.Configuration;

namespace CostSync.Tests.Support;

/// <summary>
/// <c>tests/servers/s3faults.js</c> in front of the shared Swift, on a free port: an S3 endpoint that answers 429/503 SlowDown,
/// resets connections, adds latency, damages upload bodies or holds a request at a chosen step, by rules set at run time, and
/// logs every request it saw. Stops exactly the process it started.
/// </summary>
public sealed class S3FaultProxy : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly Process _process;
    private readonly SwiftS3Fixture _swift;
    private readonly HttpClient _control;
    private readonly Channel<S3ProxyHold> _holds = Channel.CreateUnbounded<S3ProxyHold>();

    private S3FaultProxy(Process process, Uri serviceUrl, SwiftS3Fixture swift)
    {
        _process = process;
        ServiceUrl = serviceUrl;
        _swift = swift;
        _control = new HttpClient { BaseAddress = serviceUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri ServiceUrl { get; }

    public static async Task<S3FaultProxy> StartAsync(SwiftS3Fixture swift, CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "tests", "servers", "s3faults.js");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "0", swift.ServiceUrl.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; Node 20 must be on PATH.");
        try
        {
            var listening = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            S3FaultProxy? proxy = null;
            process.OutputDataReceived += (_, e) =>
            {
                if (!listening.TrySetResult(e.Data) && e.Data is { } line && proxy is not null)
                {
                    proxy.OnEvent(line);
                }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var first = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            if (first is null || !first.StartsWith("listening 127.0.0.1:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"tests/servers/s3faults.js did not start: {first}");
            }

            var port = int.Parse(first["listening 127.0.0.1:".Length..], CultureInfo.InvariantCulture);
            proxy = new S3FaultProxy(process, new Uri($"http://127.0.0.1:{port}"), swift);
            return proxy;
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Options for an S3 destination reached through the proxy.</summary>
    public DestinationOptions Options(string bucket)
    {
        var options = _swift.Options(bucket);
        options.ServiceUrl = ServiceUrl;
        return options;
    }

    /// <summary>Replaces the rules; <paramref name="seed"/> reseeds the generator behind <see cref="S3FaultRule.Probability"/>.</summary>
    public async Task SetRulesAsync(int seed, CancellationToken cancellationToken, params S3FaultRule[] rules)
    {
        using var response = await _control.PutAsJsonAsync("/__faults/rules", new { seed, rules }, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public Task ClearRulesAsync(CancellationToken cancellationToken) => SetRulesAsync(1, cancellationToken);

    /// <summary>Every request the proxy saw, in arrival order.</summary>
    public async Task<IReadOnlyList<S3ProxyRequest>> LogAsync(CancellationToken cancellationToken) =>
        await _control.GetFromJsonAsync<List<S3ProxyRequest>>("/__faults/log", Json, cancellationToken) ?? [];

    public async Task ClearLogAsync(CancellationToken cancellationToken)
    {
        using var response = await _control.DeleteAsync("/__faults/log", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Lets every held request go on (a request whose client has gone is dropped).</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        using var response = await _control.PostAsync("/__faults/release", null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The next request held by a <c>hold</c> rule.</summary>
    public ValueTask<S3ProxyHold> NextHoldAsync(CancellationToken cancellationToken) => _holds.Reader.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnEvent(string line)
    {
        if (line.StartsWith('{') && JsonSerializer.Deserialize<S3ProxyHold>(line, Json) is { Event: "held" } hold)
        {
            _holds.Writer.TryWrite(hold);
        }
    }
}
