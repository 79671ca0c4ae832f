using System.Globalization;
using CostSync.OciEmulator.ObjectStorage;

namespace CostSync.OciEmulator.Tree;

/// <summary>
/// Fills the store with a benchmark tree: bling-like names, a realistic size spread and valid gzip'd CSV bytes. Each object is
/// a unique gzip member (header and two rows) followed by members from a shared pool, so the tree costs only the pool's memory
/// whatever its size, and every object has its own MD5. Concatenated gzip members are one valid gzip file.
/// </summary>
internal static class BenchTreeGenerator
{
    private const int ChunkClasses = 8; // 8 KiB .. 1 MiB
    private const int ChunkVariants = 3;
    private const long MiB = 1024 * 1024;
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One object of the tree before it is stored.</summary>
    public sealed record Planned(string Name, long TargetSize, bool Multipart, long PartSize, DateTimeOffset Created, int Index);

    /// <summary>Generates the tree into <paramref name="store"/>; the same options and tenancy give the same names and bytes.</summary>
    public static IReadOnlyList<EmulatorObject> Generate(EmulatorStore store, BenchTreeOptions options, string tenancyId)
    {
        byte[][][] pool = ChunkPool(options.Seed, tenancyId);
        IReadOnlyList<Planned> plan = Plan(options);
        var stored = new EmulatorObject[plan.Count];
        Parallel.For(0, plan.Count, i =>
        {
            Planned p = plan[i];
            var content = new ComposedContent(Segments(p, pool, options.Seed, tenancyId));
            stored[i] = store.Put(p.Name, content, p.Multipart, p.PartSize, p.Created);
        });
        return stored;
    }

    /// <summary>Names, target sizes and flags, in a fixed order: about 93 % small (10 KB–1 MB), 6.5 % medium (to 16 MB), 0.5 % large.</summary>
    public static IReadOnlyList<Planned> Plan(BenchTreeOptions options)
    {
        var random = new Random(options.Seed);
        var planned = new List<Planned>(options.ObjectCount + options.HugeObjectCount);
        for (int i = 0; i < options.ObjectCount; i++)
        {
            double band = random.NextDouble();
            var (low, high) = band < 0.93 ? (options.MinSize, 1_000_000L) : band < 0.995 ? (1_000_000L, 16_000_000L) : (16_000_000L, options.MaxSize);
            high = Math.Min(high, options.MaxSize);
            low = Math.Min(low, high);
            long size = (long)(low * Math.Pow((double)high / low, random.NextDouble()));
            bool multipart = size >= options.MultipartFrom && random.NextDouble() < options.MultipartShare;
            DateTimeOffset created = Epoch.AddHours(i * 3 % 8000).AddMinutes(random.Next(60));
            planned.Add(new Planned(options.NamePrefix + Name(i, created, random), size, multipart, options.SourcePartSize, created, i));
        }

        for (int h = 0; h < options.HugeObjectCount; h++)
        {
            DateTimeOffset created = Epoch.AddDays(200 + h);
            string name = string.Create(CultureInfo.InvariantCulture, $"{options.NamePrefix}FOCUS Reports/{created:yyyy/MM/dd}/0001{900000000000 + h}-00001.csv.gz");
            planned.Add(new Planned(name, options.HugeObjectSize, h > 0, 128 * MiB, created, options.ObjectCount + h));
        }

        return planned;
    }

    private static string Name(int index, DateTimeOffset created, Random random) =>
        index % 3 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"reports/cost-csv/{1000000760749L + (index * 37L):D16}-0000{1 + (index % 2)}.csv.gz")
            : string.Create(CultureInfo.InvariantCulture, $"FOCUS Reports/{created:yyyy/MM/dd}/0001{random.NextInt64(100000000000, 999999999999)}-{index:D5}.csv.gz");

    private static List<byte[]> Segments(Planned planned, byte[][][] pool, int seed, string tenancyId)
    {
        var random = new Random(HashCode.Combine(seed, planned.Index));
        var segments = new List<byte[]> { ReportCsv.Focus(random, tenancyId, planned.Created, rows: 2) };
        long remaining = planned.TargetSize - segments[0].Length;
        while (remaining >= pool[0][0].Length)
        {
            int largest = ChunkClasses - 1;
            while (pool[largest][0].Length > remaining)
            {
                largest--;
            }

            // Mostly the largest chunk that fits (few segments for big objects), sometimes a smaller one (varied layouts).
            int size = random.Next(4) == 0 ? random.Next(largest + 1) : largest;
            byte[] chunk = pool[size][random.Next(ChunkVariants)];
            segments.Add(chunk);
            remaining -= chunk.Length;
        }

        return segments;
    }

    /// <summary>gzip members of FOCUS rows without a header, about 8 KiB to 1 MiB, several of each size.</summary>
    private static byte[][][] ChunkPool(int seed, string tenancyId)
    {
        var random = new Random(seed ^ 0x5EED);
        var pool = new byte[ChunkClasses][][];
        for (int c = 0; c < ChunkClasses; c++)
        {
            pool[c] = new byte[ChunkVariants][];
            long target = (8 * 1024) << c;
            for (int v = 0; v < ChunkVariants; v++)
            {
                // About 100 compressed bytes per row; the exact size does not matter, only that the classes grow.
                pool[c][v] = ReportCsv.Focus(random, tenancyId, Epoch.AddDays(c), rows: (int)(target / 100), header: false);
            }
        }

        return pool;
    }
}
