namespace CostSync.OciEmulator.Tree;

/// <summary>Shape of a generated benchmark tree (<see cref="BenchTreeGenerator"/>). Deterministic for a given <see cref="Seed"/>.</summary>
internal sealed record BenchTreeOptions
{
    /// <summary>The benchmark's tree: 3,000 gzip'd CSV reports of 10 KB to 50 MB (most small), some multipart-uploaded, and two 2 GiB objects.</summary>
    public static BenchTreeOptions Full { get; } = new();

    /// <summary>A small tree for CI: 40 reports up to 4 MiB and one 80 MiB multipart-uploaded object.</summary>
    public static BenchTreeOptions Quick { get; } = new()
    {
        ObjectCount = 40,
        MaxSize = 4 * MiB,
        HugeObjectCount = 1,
        HugeObjectSize = 80 * MiB,
    };

    /// <summary>Many tiny reports (about 10 KB each), for listing and no-change runs.</summary>
    public static BenchTreeOptions Tiny(int count) => new()
    {
        ObjectCount = count,
        MaxSize = 12 * 1024,
        HugeObjectCount = 0,
    };

    private const long MiB = 1024 * 1024;

    /// <summary>Random seed for names, sizes and bytes. <value>Default 20261129.</value></summary>
    public int Seed { get; init; } = 20261129;

    /// <summary>Reports, besides the huge objects. <value>Default 3,000.</value></summary>
    public int ObjectCount { get; init; } = 3000;

    /// <summary>Smallest report. <value>Default 10 KB.</value></summary>
    public long MinSize { get; init; } = 10_000;

    /// <summary>Largest report. <value>Default 50 MB.</value></summary>
    public long MaxSize { get; init; } = 50_000_000;

    /// <summary>Reports of at least this size are multipart-uploaded at the source with this probability. <value>Default 4 MiB, 0.4.</value></summary>
    public long MultipartFrom { get; init; } = 4 * MiB;

    /// <summary>Probability that a report of at least <see cref="MultipartFrom"/> was multipart-uploaded. <value>Default 0.4.</value></summary>
    public double MultipartShare { get; init; } = 0.4;

    /// <summary>Part size of multipart-uploaded reports (for their <c>opc-multipart-md5</c>). <value>Default 4 MiB.</value></summary>
    public long SourcePartSize { get; init; } = 4 * MiB;

    /// <summary>Huge objects; the first has a whole-object MD5, the others were multipart-uploaded (128 MiB parts). <value>Default 2.</value></summary>
    public int HugeObjectCount { get; init; } = 2;

    /// <summary>Size of each huge object. <value>Default 2 GiB.</value></summary>
    public long HugeObjectSize { get; init; } = 2048 * MiB;

    /// <summary>Prepended to every name, so a second tree can join the first in one bucket. <value>Default empty.</value></summary>
    public string NamePrefix { get; init; } = string.Empty;
}
