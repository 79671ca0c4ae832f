namespace CostSync.OciEmulator;

/// <summary>Standalone emulator: <c>dotnet CostSync.OciEmulator.dll [--urls http://127.0.0.1:9000]</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int index = Array.IndexOf(args, "--urls");
        string url = index >= 0 && index + 1 < args.Length ? args[index + 1] : "http://127.0.0.1:9000";
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

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

        return 0;
    }
}
