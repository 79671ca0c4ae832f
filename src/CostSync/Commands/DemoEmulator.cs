using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace CostSync.Commands;

/// <summary>
/// The standalone OCI emulator (<c>CostSync.OciEmulator.dll</c>, built next to CostSync.dll but never published) as a child
/// process of <c>demo</c>: started on a free loopback port with <c>--json --exit-on-stdin-close</c>, so it stops when CostSync
/// closes its input, or dies. The daemon itself therefore neither carries nor loads ASP.NET Core.
/// </summary>
internal sealed class DemoEmulator : IAsyncDisposable
{
    public const string AssemblyFile = "CostSync.OciEmulator.dll";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private DemoEmulator(Process process, Task<string> stderr, JsonElement endpoints)
    {
        _process = process;
        _stderr = stderr;
        BaseUri = new Uri(endpoints.GetProperty("baseUrl").GetString()!);
        MetadataUri = new Uri(endpoints.GetProperty("metadataUrl").GetString()!);
        TenancyId = endpoints.GetProperty("tenancyId").GetString()!;
        Region = endpoints.GetProperty("region").GetString()!;
        ConfigFile = endpoints.GetProperty("configFile").GetString()!;
    }

    public Uri BaseUri { get; }

    public Uri MetadataUri { get; }

    public string TenancyId { get; }

    public string Region { get; }

    /// <summary>An OCI config file with a throwaway API key the emulator trusts; deleted when the emulator stops.</summary>
    public string ConfigFile { get; }

    /// <summary>Where <c>demo</c> looks for the emulator: next to CostSync.dll.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, AssemblyFile);

    public static async Task<DemoEmulator> StartAsync(string assemblyPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[assemblyPath, "--urls", "http://127.0.0.1:0", "--json", "--exit-on-stdin-close"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start `{start.FileName} {assemblyPath}`.");
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null || !line.StartsWith('{'))
            {
                await process.WaitForExitAsync(timeout.Token);
                throw new InvalidOperationException($"The OCI emulator `{assemblyPath}` did not start (exit code {process.ExitCode}): {line} {await stderr}".TrimEnd());
            }

            using var document = JsonDocument.Parse(line);
            _ = DrainAsync(process.StandardOutput);
            return new DemoEmulator(process, stderr, document.RootElement.Clone());
        }
        catch
        {
            StopNow(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing its input is the emulator's signal to stop (and to delete its throwaway API key).
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await _stderr;
        }
        catch (OperationCanceledException)
        {
            StopNow(_process);
        }

        _process.Dispose();
    }

    private static void StopNow(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync(CancellationToken.None) is not null)
        {
            // the emulator's later lines ("Stopping …") are not shown
        }
    }

    /// <summary>The <c>dotnet</c> host that runs this process (the emulator needs the shared ASP.NET Core framework next to it).</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
