using System.Globalization;
using System.Text.Json;
using CostSync.Configuration;
using CostSync.Formatting;
using CostSync.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CostSync.Commands;

/// <summary>
/// <c>demo</c>: starts the standalone OCI emulator as a child process (generated bling tree, API-key config in a temp folder),
/// then runs the real pipeline twice into a local folder: a full sync and a no-change run. No cloud account needed.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(AppEnvironment environment, CancellationToken cancellationToken)
    {
        var output = environment.Output;
        var emulatorPath = environment.DemoEmulatorPath ?? DemoEmulator.DefaultPath;
        if (!File.Exists(emulatorPath))
        {
            environment.BootstrapLogger.Error(
                "`demo` needs the OCI emulator {EmulatorPath}, which is built with CostSync but is not part of a published (deployed) CostSync. Run the demo from a clone of the repository: `dotnet run --project src/CostSync -- demo`.",
                emulatorPath);
            return ExitCodes.Failed;
        }

        var root = Path.Combine(Path.GetTempPath(), $"costsync-demo-{Guid.NewGuid().ToString("N")[..8]}");
        var reports = Path.Combine(root, "reports");
        DemoEmulator started;
        try
        {
            started = await DemoEmulator.StartAsync(emulatorPath, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or JsonException)
        {
            environment.BootstrapLogger.Error("`demo` could not start the OCI emulator: {Problem}", ex.Message);
            return ExitCodes.Failed;
        }

        await using var emulator = started;
        var configFile = emulator.ConfigFile;
        await output.WriteLineAsync("CostSync demo: the OCI emulator (it checks request signatures like OCI) as the source, a local folder as the destination.");
        await output.WriteLineAsync($"  OCI emulator : {emulator.BaseUri} (bling bucket {emulator.TenancyId}, region {emulator.Region})");
        await output.WriteLineAsync($"  OCI API key  : {configFile}");
        await output.WriteLineAsync($"  Destination  : {reports}");

        var demoEnvironment = new AppEnvironment
        {
            BootstrapLogger = environment.BootstrapLogger,
            Output = output,
            UseSystemConfigFile = false,
            UseEnvironmentVariables = false,
            WriteToConsole = environment.WriteToConsole,
            ExtraLoggerProvider = environment.ExtraLoggerProvider,
            Configuration = Settings(emulator, configFile, reports, Path.Combine(root, "state")),
        };
        using var host = CostSyncApp.TryBuildHost(new Invocation(CommandKind.Demo), demoEnvironment);
        if (host is null)
        {
            return ExitCodes.InvalidConfiguration;
        }

        if (!CostSyncApp.IsValid(host, ConfigurationValidator.All, environment.BootstrapLogger))
        {
            return ExitCodes.InvalidConfiguration;
        }

        var coordinator = host.Services.GetRequiredService<RunCoordinator>();
        var first = await coordinator.RunOnceAsync(cancellationToken);
        await output.WriteLineAsync($"Run 1 (full sync)  : {Summary(first)}");
        var second = await coordinator.RunOnceAsync(cancellationToken);
        await output.WriteLineAsync($"Run 2 (no changes) : {Summary(second)}");
        var files = Directory.Exists(reports)
            ? Directory.EnumerateFiles(reports, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.costsync", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{files.Count} report files in {reports}, for example:"));
        foreach (var file in files.Take(5))
        {
            await output.WriteLineAsync($"  {Path.GetRelativePath(reports, file)}");
        }

        var ok = first.Kind == RunOutcomeKind.Succeeded && second.Kind == RunOutcomeKind.Succeeded && second.Result?.Totals is { Copied: 0, Changed: 0 };
        await output.WriteLineAsync(ok ? "Demo finished: the second run found nothing to copy." : "Demo finished with problems; see the log lines above.");
        return ok ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static Dictionary<string, string?> Settings(DemoEmulator emulator, string configFile, string reports, string state) => new()
    {
        ["CostSync:StateDirectory"] = state,
        ["CostSync:Logging:Path"] = string.Empty,
        ["CostSync:Oci:Auth"] = "ApiKey",
        ["CostSync:Oci:ConfigFile"] = configFile,
        ["CostSync:Oci:Profile"] = "DEFAULT",
        ["CostSync:Oci:Endpoints:ObjectStorage"] = emulator.BaseUri.ToString(),
        ["CostSync:Oci:Endpoints:Secrets"] = emulator.BaseUri.ToString(),
        ["CostSync:Oci:Endpoints:Notifications"] = emulator.BaseUri.ToString(),
        ["CostSync:Oci:Endpoints:Auth"] = emulator.BaseUri.ToString(),
        ["CostSync:Oci:Endpoints:Metadata"] = emulator.MetadataUri.ToString(),
        ["CostSync:Destination:Kind"] = "Directory",
        ["CostSync:Destination:Path"] = reports,
        ["CostSync:Destination:Credentials:Source"] = "Default",
    };

    private static string Summary(RunOutcome outcome)
    {
        if (outcome.Result is not { } r)
        {
            return outcome.Kind.ToString();
        }

        var t = r.Totals;
        return string.Create(CultureInfo.InvariantCulture, $"{r.Status}: {t.Listed} listed, {t.Copied} copied, {t.Changed} changed, {t.Skipped} unchanged, {t.Failed} failed{(t.InvalidContent > 0 ? $", {t.InvalidContent} with invalid content" : string.Empty)}; {Units.Bytes(t.Bytes)} in {Units.Duration(r.Duration)}{(r.Error is { } e ? $" ({e})" : string.Empty)}");
    }
}
