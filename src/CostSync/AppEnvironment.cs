using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CostSync;

/// <summary>What the process provides to <see cref="CostSyncApp"/>; tests replace parts of it to run the CLI in-process.</summary>
internal sealed class AppEnvironment
{
    /// <summary>Logs problems found before the host exists (bad command line, invalid configuration).</summary>
    public required Serilog.ILogger BootstrapLogger { get; init; }

    /// <summary>Where command results (tables, JSON, plans, demo summaries) are printed.</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Read <c>/etc/costsync/appsettings.json</c> when no <c>--config</c> is given.</summary>
    public bool UseSystemConfigFile { get; init; } = true;

    /// <summary>Read <c>CostSync__Section__Key</c> environment variables.</summary>
    public bool UseEnvironmentVariables { get; init; } = true;

    /// <summary>Write logs to the console (tests turn it off).</summary>
    public bool WriteToConsole { get; init; } = true;

    /// <summary>Settings applied last, over every other source.</summary>
    public IReadOnlyDictionary<string, string?>? Configuration { get; init; }

    /// <summary>Replaces services after <c>AddCostSync</c> (fakes in tests).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The OCI emulator <c>demo</c> starts. <value>Default: <c>CostSync.OciEmulator.dll</c> next to CostSync.dll.</value></summary>
    public string? DemoEmulatorPath { get; init; }

    /// <summary>An extra logger provider that receives every log event (e.g. <c>FakeLoggerProvider</c>).</summary>
    public ILoggerProvider? ExtraLoggerProvider { get; init; }
}
