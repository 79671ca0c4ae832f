using System.Runtime.InteropServices;
using CostSync.Logging;
using Log = Serilog.Log;

namespace CostSync;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Log.Logger = SerilogSetup.CreateBootstrapLogger();
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopping.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        try
        {
            return await CostSyncApp.RunAsync(args, new AppEnvironment { BootstrapLogger = Log.Logger }, stopping.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Fatal(ex, "CostSync stopped unexpectedly");
            return ExitCodes.Failed;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
