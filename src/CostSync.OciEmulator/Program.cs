using System.Runtime.InteropServices;

namespace CostSync.OciEmulator;

/// <summary>
/// Standalone emulator: <c>dotnet CostSync.OciEmulator.dll [--urls http://127.0.0.1:9000] [--secrets-file FILE] [--verbose]</c>.
/// Prints the tenancy, an API-key config file it wrote, a demo secret and topic, and the CostSync settings to use.
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
        Console.WriteLine(StartupBanner.Text(server, config));
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
}
