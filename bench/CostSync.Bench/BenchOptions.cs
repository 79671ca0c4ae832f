using System.Globalization;

namespace CostSync.Bench;

/// <summary>The harness's command line: <c>[--quick] [--runs N] [--seed N] [--costsync PATH] [--out FILE] [--work DIR] [--swift URL]</c>.</summary>
internal sealed record BenchOptions
{
    public bool Quick { get; init; }

    /// <summary>Repetitions of each timed figure. <value>Default 3 (1 with --quick).</value></summary>
    public int Runs { get; init; } = 3;

    public int Seed { get; init; } = 20261129;

    /// <summary>The CostSync to measure: an executable (a publish) or CostSync.dll (run with dotnet).</summary>
    public string CostSync { get; init; } = string.Empty;

    /// <summary>Where the report goes. <value>Default docs/BENCHMARKS.md.</value></summary>
    public string Output { get; init; } = Path.Combine("docs", "BENCHMARKS.md");

    /// <summary>Scratch space (the trees on disk for rclone, settings, state). <value>Default a new folder under /tmp.</value></summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "costsync-bench-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A RAM disk for the Directory destination. <value>Default /dev/shm.</value></summary>
    public string RamDisk { get; init; } = "/dev/shm";

    public Uri Swift { get; init; } = new("http://127.0.0.1:18080");

    /// <summary>Repetitions of each no-change figure (they are short, so noisier). <value>Runs + 2 (1 with --quick).</value></summary>
    public int NoChangeRuns => Quick ? 1 : Runs + 2;

    /// <summary>The daemon's schedule in the warm scenarios: a tick every few seconds.</summary>
    public string DaemonCron => Quick ? "*/2 * * * * *" : "*/5 * * * * *";

    /// <summary>The second tree is added only when the next tick is at least this far away (no run is listing then).</summary>
    public TimeSpan TickMargin => Quick ? TimeSpan.FromSeconds(0.8) : TimeSpan.FromSeconds(2);

    /// <summary>Objects in the listing-scale tree. <value>10,000 (300 with --quick).</value></summary>
    public int ManyObjects => Quick ? 300 : 10_000;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        var runsGiven = false;
        var outGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--runs":
                    options = options with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    runsGiven = true;
                    break;
                case "--seed":
                    options = options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--costsync":
                    options = options with { CostSync = Path.GetFullPath(Next()) };
                    break;
                case "--out":
                    options = options with { Output = Next() };
                    outGiven = true;
                    break;
                case "--work":
                    options = options with { WorkDirectory = Path.GetFullPath(Next()) };
                    break;
                case "--ramdisk":
                    options = options with { RamDisk = Next() };
                    break;
                case "--swift":
                    options = options with { Swift = new Uri(Next()) };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}. Usage: CostSync.Bench [--quick] [--runs N] [--seed N] --costsync PATH [--out FILE] [--work DIR] [--ramdisk DIR] [--swift URL]");
            }
        }

        if (options.Quick && !runsGiven)
        {
            options = options with { Runs = 1 };
        }

        if (options.Quick && !outGiven)
        {
            // A quick report never replaces the real one.
            options = options with { Output = Path.Combine("artifacts", "bench", "BENCHMARKS-quick.md") };
        }

        if (options.CostSync.Length == 0 || !File.Exists(options.CostSync))
        {
            throw new ArgumentException($"--costsync must name CostSync's executable or CostSync.dll (got '{options.CostSync}'); bench/run.sh publishes one.");
        }

        return options;
    }
}
