// The CPU cost of CostSync:Validation:Mode, measured in isolation on a realistic report tree.
//
//   dotnet run -c Release --project bench/ValidationCost [-- --focus-files 4 --focus-rows 100000 --cost-files 8
//       --cost-rows 50000 --repeat 5 --part-mib 16 --json]
//
// The tree is made by the OCI emulator's generator (OCI's real FOCUS and cost report columns and quirks). Every file is fed
// to the validator in part-sized pieces, as the multipart copy does, on one thread. The baseline is what every copy already
// costs: MD5 and CRC-32C of the same bytes. Reported: median process CPU time over the repeats, throughput, CPU per GiB of
// reports, and the ratio to the baseline.
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CostSync.OciEmulator.Tree;
using CostSync.Sync.Configuration;
using CostSync.Sync.Integrity;
using CostSync.Sync.Validation;

var options = BenchOptions.Parse(args);
var day = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
var files = new List<byte[]>();
for (var i = 0; i < options.FocusFiles; i++)
{
    files.Add(ReportCsv.Focus(new Random(i), "ocid1.tenancy.oc1..aaaabench", day, options.FocusRows));
}

for (var i = 0; i < options.CostFiles; i++)
{
    files.Add(ReportCsv.Cost(new Random(1000 + i), "ocid1.tenancy.oc1..aaaabench", day, options.CostRows));
}

var compressed = files.Sum(f => (long)f.Length);
var uncompressed = files.Sum(Uncompressed);
foreach (var file in files)
{
    var check = Validate(ValidationMode.Full, file, options.PartBytes);
    if (!check.IsValid)
    {
        throw new InvalidOperationException($"The generated tree is not valid: {check.Problem}");
    }
}

var results = new List<Measurement>
{
    Measure("hashing (MD5 + CRC-32C, every copy)", () => files.ForEach(f => Hash(f, options.PartBytes))),
    Measure("Validation:Mode = Header", () => files.ForEach(f => Validate(ValidationMode.Header, f, options.PartBytes))),
    Measure("Validation:Mode = Full", () => files.ForEach(f => Validate(ValidationMode.Full, f, options.PartBytes))),
};

var baseline = results[0].CpuMs;
if (options.Json)
{
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        files = files.Count,
        compressedBytes = compressed,
        uncompressedBytes = uncompressed,
        partBytes = options.PartBytes,
        repeats = options.Repeat,
        results = results.Select(r => new { name = r.Name, cpuMs = r.CpuMs, wallMs = r.WallMs, ratioToHashing = r.CpuMs / baseline }),
    }));
    return;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{files.Count} reports ({options.FocusFiles} FOCUS x {options.FocusRows:N0} rows, {options.CostFiles} cost CSV x {options.CostRows:N0} rows): {compressed / 1e6:F1} MB gzip, {uncompressed / 1e6:F1} MB of CSV; {options.PartBytes / (1024 * 1024)} MiB pieces; median of {options.Repeat} runs, process CPU time, one thread"));
Console.WriteLine();
Console.WriteLine("| What | CPU | gzip MB/s | CSV MB/s | CPU s per GiB of reports (gzip) | vs hashing |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var r in results)
{
    var seconds = r.CpuMs / 1000;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Name} | {r.CpuMs:F0} ms | {compressed / 1e6 / seconds:F0} | {uncompressed / 1e6 / seconds:F0} | {seconds * (1L << 30) / compressed:F2} | {r.CpuMs / baseline:F2}x |"));
}

Measurement Measure(string name, Action work)
{
    work();
    var cpu = new List<double>();
    var wall = new List<double>();
    for (var i = 0; i < options.Repeat; i++)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        work();
        wall.Add(clock.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }

    return new Measurement(name, Median(cpu), Median(wall));
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static ContentCheck Validate(ValidationMode mode, byte[] file, int partBytes)
{
    var validator = new ReportValidator(mode);
    for (var offset = 0; offset < file.Length; offset += partBytes)
    {
        validator.Append(file.AsMemory(offset, Math.Min(partBytes, file.Length - offset)));
    }

    return validator.Complete();
}

static void Hash(byte[] file, int partBytes)
{
    using var md5 = Md5Digests.CreateIncremental();
    for (var offset = 0; offset < file.Length; offset += partBytes)
    {
        var part = file.AsSpan(offset, Math.Min(partBytes, file.Length - offset));
        md5.AppendData(part);
        Crc32CDigests.Hash(part);
    }

    md5.GetHashAndReset();
}

static long Uncompressed(byte[] file)
{
    using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
    var buffer = new byte[81920];
    long total = 0;
    int read;
    while ((read = gzip.Read(buffer)) > 0)
    {
        total += read;
    }

    return total;
}

internal sealed record Measurement(string Name, double CpuMs, double WallMs);

internal sealed record BenchOptions(int FocusFiles, int FocusRows, int CostFiles, int CostRows, int Repeat, int PartBytes, bool Json)
{
    public static BenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchOptions(
            Value("--focus-files", 4),
            Value("--focus-rows", 100_000),
            Value("--cost-files", 8),
            Value("--cost-rows", 50_000),
            Math.Max(1, Value("--repeat", 5)),
            Value("--part-mib", 16) * 1024 * 1024,
            args.Contains("--json"));
    }
}
