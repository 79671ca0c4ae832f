namespace CostSync.Bench.Report;

/// <summary>What the report says about the machine and the software measured.</summary>
internal sealed record BenchEnvironment(string Cpu, int Cores, long MemoryBytes, string Kernel, string Os, string Runtime, string CostSync, string Rclone, string Swift)
{
    public double LoadAtStart { get; init; }

    public double LoadAtEnd { get; init; }

    public double LoadMax { get; init; }

    /// <summary>The 1-minute load average.</summary>
    public static double Load() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    public static string ReadCpu() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    public static long ReadMemory()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return 1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string ReadOs() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "Linux"
            : "Linux";
}
