namespace CostSync.OciEmulator.Tree;

/// <summary>Shape of the generated bling tree. Deterministic for a given <see cref="Seed"/> and clock.</summary>
internal sealed record BlingTreeOptions
{
    /// <summary>The default tree: a few of everything.</summary>
    public static BlingTreeOptions Default { get; } = new();

    /// <summary>An empty bucket.</summary>
    public static BlingTreeOptions None { get; } = new()
    {
        CostReportCount = 0,
        FocusDays = 0,
        FilesPerFocusDay = 0,
        IncludeOddNames = false,
        IncludeZeroByte = false,
        MultipartObjectCount = 0,
    };

    /// <summary>Random seed for names and CSV rows. <value>Default 20261124.</value></summary>
    public int Seed { get; init; } = 20261124;

    /// <summary><c>reports/cost-csv/…-00001.csv.gz</c> reports, one per 6 hours back from now (every 4th also has a <c>-00002</c> file). <value>Default 8.</value></summary>
    public int CostReportCount { get; init; } = 8;

    /// <summary>Number of past days with a <c>FOCUS Reports/YYYY/MM/DD/</c> folder. <value>Default 3.</value></summary>
    public int FocusDays { get; init; } = 3;

    /// <summary>Files in each FOCUS day folder. <value>Default 2.</value></summary>
    public int FilesPerFocusDay { get; init; } = 2;

    /// <summary>Data rows per generated CSV. <value>Default 12.</value></summary>
    public int RowsPerFile { get; init; } = 12;

    /// <summary>Add names with spaces, <c>+</c>, <c>%</c>, <c>&amp;</c>, <c>~</c> and non-ASCII characters. <value>Default true.</value></summary>
    public bool IncludeOddNames { get; init; } = true;

    /// <summary>Add a zero-byte object. <value>Default true.</value></summary>
    public bool IncludeZeroByte { get; init; } = true;

    /// <summary>Extra FOCUS objects uploaded as multipart (several parts of <see cref="MultipartPartSize"/>). <value>Default 2.</value></summary>
    public int MultipartObjectCount { get; init; } = 2;

    /// <summary>Part size of the multipart objects. <value>Default 16 KiB (so small objects still have several parts).</value></summary>
    public int MultipartPartSize { get; init; } = 16 * 1024;
}
