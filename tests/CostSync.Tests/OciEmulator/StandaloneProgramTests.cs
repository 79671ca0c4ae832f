using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.OciEmulator;

/// <summary>The emulator as an operator runs it: <c>dotnet CostSync.OciEmulator.dll --urls …</c>, stopped with SIGTERM.</summary>
public sealed class StandaloneProgramTests
{
    [Fact]
    public async Task Standalone_PrintsWorkingConfig_AndStopsOnSigtermRemovingTheKey()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])[Path.Combine(AppContext.BaseDirectory, "CostSync.OciEmulator.dll"), "--urls", url])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        try
        {
            string banner = await ReadUntilAsync(process.StandardOutput, "Press Ctrl+C to stop.", ct);
            string config = Regex.Match(banner, @"API-key config file:\s+(\S+)").Groups[1].Value;
            using TestOciCredentials credentials = TestOciCredentials.Load(config);
            using var client = new SignedOciClient(new Uri(url + "/"), credentials.KeyId, credentials.Key, TimeProvider.System);
            string tenancy = Regex.Match(banner, @"tenancy \(bling bucket\):\s+(\S+)").Groups[1].Value;

            using HttpResponseMessage listing = await client.SendAsync(HttpMethod.Get, $"n/bling/b/{tenancy}/o?limit=5", ct);
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
            await process.WaitForExitAsync(ct);

            Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
            Assert.Equal(0, process.ExitCode);
            Assert.False(File.Exists(config));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Standalone_JsonAndStdinClosed_PrintsWorkingEndpointsThenStopsRemovingTheKey()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])[Path.Combine(AppContext.BaseDirectory, "CostSync.OciEmulator.dll"), "--urls", "http://127.0.0.1:0", "--json", "--exit-on-stdin-close"])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        try
        {
            string line = (await process.StandardOutput.ReadLineAsync(ct))!;
            using var json = System.Text.Json.JsonDocument.Parse(line);
            string config = json.RootElement.GetProperty("configFile").GetString()!;
            string tenancy = json.RootElement.GetProperty("tenancyId").GetString()!;
            var baseUrl = new Uri(json.RootElement.GetProperty("baseUrl").GetString()!);
            using TestOciCredentials credentials = TestOciCredentials.Load(config);
            using var client = new SignedOciClient(baseUrl, credentials.KeyId, credentials.Key, TimeProvider.System);
            using HttpResponseMessage listing = await client.SendAsync(HttpMethod.Get, $"n/bling/b/{tenancy}/o?limit=5", ct);

            process.StandardInput.Close();
            await process.WaitForExitAsync(ct);

            Assert.NotEqual(0, baseUrl.Port);
            Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
            Assert.Equal(0, process.ExitCode);
            Assert.False(File.Exists(config));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<string> ReadUntilAsync(StreamReader reader, string marker, CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            text.AppendLine(line);
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return text.ToString();
            }
        }

        throw new InvalidOperationException($"The emulator exited before printing '{marker}':\n{text}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
