using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CostSync.Bench.Measure;

namespace CostSync.Bench.Swift;

/// <summary>
/// A TCP proxy in front of Swift that passes every byte through unchanged and counts the HTTP/1.1 requests it sees, by kind
/// (<see cref="S3RequestKinds"/>). Only for counting runs: the timed runs talk to Swift directly, so the proxy's CPU is never
/// part of a timing.
/// </summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Task _accepting;

    public CountingProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>The requests counted since the last call, and starts counting from zero.</summary>
    public RequestTally TakeTally()
    {
        var snapshot = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var n))
            {
                snapshot[key] = n;
            }
        }

        return new RequestTally(snapshot);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                server.NoDelay = true;
                await server.ConnectAsync(_target, _stop.Token);
                var up = CountRequestsAsync(client.GetStream(), server.GetStream());
                var down = PipeAsync(server.GetStream(), client.GetStream());
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A connection closed by either side.
            }
        }
    }

    private async Task PipeAsync(Stream from, Stream to)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }

        to.Close();
    }

    /// <summary>Forwards the client's bytes, parsing request heads and skipping <c>Content-Length</c> bodies between them.</summary>
    private async Task CountRequestsAsync(Stream from, Stream to)
    {
        var buffer = new byte[81920];
        var head = new List<byte>();
        long bodyLeft = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            var i = 0;
            while (i < read)
            {
                if (bodyLeft > 0)
                {
                    var skip = (int)Math.Min(bodyLeft, read - i);
                    bodyLeft -= skip;
                    i += skip;
                    continue;
                }

                head.Add(buffer[i++]);
                if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
                {
                    bodyLeft = Count(Encoding.ASCII.GetString([.. head]));
                    head.Clear();
                }
            }
        }

        to.Close();
    }

    /// <summary>Counts one request head; returns its body length.</summary>
    private long Count(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length < 2)
        {
            return 0;
        }

        _counts.AddOrUpdate(S3RequestKinds.Classify(parts[0], parts[1]), 1, (_, n) => n + 1);
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return long.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
