using System.Runtime.InteropServices;

namespace CostSync.OciEmulator;

/// <summary>
/// Standalone emulator: <c>dotnet CostSync.OciEmulator.dll [--urls http://127.0.0.1:9000] [--secrets-file FILE] [--verbose]
/// [--json] [--exit-on-stdin-close]</c>. Prints the tenancy, an API-key config file it wrote, a demo secret and topic, and the
/// CostSync settings to use (<c>--json</c>: the same as one JSON line). <c>--exit-on-stdin-close</c> stops it when its standard
/// input closes, so a parent process that starts it (CostSync's <c>demo</c>) never leaves it running, even when killed.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int index = Array.IndexOf(args, "--urls");
        string url = index >= 0 && index + 1 < args.Length ? args[index + 1] : "http://127.0.0.1:9000";
        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using OciEmulatorServer server = await OciEmulatorServer.StartAsync(new OciEmulatorOptions { Url = url, Logging = args.Contains("--verbose") }, stop.Token);
        StandaloneSeed.Apply(server, args);
        string directory = Path.Combine(Path.GetTempPath(), $"costsync-oci-emulator-{Environment.ProcessId}");
        string config = server.WriteApiKeyConfig(directory);
        Console.WriteLine(args.Contains("--json") ? StartupJson.Text(server, config) : StartupBanner.Text(server, config));
        if (args.Contains("--exit-on-stdin-close"))
        {
            _ = StopWhenStdinClosesAsync(stop); // not awaited: a console read cannot be cancelled once it has started
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping the OCI emulator.");
        }
        finally
        {
            Directory.Delete(directory, recursive: true); // the throwaway API key goes with the emulator that trusts it
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task StopWhenStdinClosesAsync(CancellationTokenSource stop)
    {
        await using Stream input = Console.OpenStandardInput();
        byte[] buffer = new byte[256];
        try
        {
            while (await input.ReadAsync(buffer, stop.Token) > 0)
            {
                // Anything the parent writes is ignored; only the end of the stream matters.
            }
        }
        catch (OperationCanceledException)
        {
            return; // stopped by a signal first
        }
        catch (IOException)
        {
            // a broken pipe is a closed input too
        }

        await stop.CancelAsync();
    }
}
