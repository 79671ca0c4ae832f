using System.Globalization;
using CostSync.OciEmulator.ObjectStorage;

namespace CostSync.OciEmulator.Tree;

/// <summary>Fills the store with a realistic bling bucket: cost-csv reports, FOCUS day folders, odd names, zero-byte and multipart objects.</summary>
internal static class BlingTreeGenerator
{
    /// <summary>Names used for <see cref="BlingTreeOptions.IncludeOddNames"/>.</summary>
    public static readonly IReadOnlyList<string> OddNames =
    [
        "FOCUS Reports/odd names/a+b & c~d %41 (1).csv.gz",
        "Réports/über café.csv.gz",
        "reports/レポート/費用 2026.csv.gz",
        "reports/emoji/📊 costs.csv.gz",
    ];

    /// <summary>Name of the zero-byte object: not a <c>.csv.gz</c>, since an empty one would be an invalid report (the tests make those on purpose).</summary>
    public const string ZeroByteName = "reports/zero-byte";

    public static void Generate(EmulatorStore store, BlingTreeOptions options, string tenancyId, DateTimeOffset now)
    {
        var random = new Random(options.Seed);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        long number = 1000000760749;
        for (int i = 0; i < options.CostReportCount; i++)
        {
            DateTimeOffset created = now.AddHours(-6 * (options.CostReportCount - i)).AddMinutes(random.Next(1, 50));
            string stem = $"reports/cost-csv/{number + (i * 37):D16}";
            store.Put($"{stem}-00001.csv.gz", ReportCsv.Cost(random, tenancyId, created.AddHours(-6), options.RowsPerFile), created: created);
            if (i % 4 == 3)
            {
                store.Put($"{stem}-00002.csv.gz", ReportCsv.Cost(random, tenancyId, created.AddHours(-6), options.RowsPerFile), created: created.AddMinutes(1));
            }
        }

        for (int d = options.FocusDays; d >= 1; d--)
        {
            DateTimeOffset day = today.AddDays(-d);
            for (int f = 0; f < options.FilesPerFocusDay; f++)
            {
                store.Put(FocusName(day, random), ReportCsv.Focus(random, tenancyId, day, options.RowsPerFile), created: day.AddHours(12 + f).AddMinutes(random.Next(60)));
            }
        }

        for (int m = 0; m < options.MultipartObjectCount; m++)
        {
            DateTimeOffset day = today.AddDays(-1 - (m % Math.Max(1, options.FocusDays)));
            byte[] content = LargeFocus(random, tenancyId, day, options.MultipartPartSize * 5 / 2);
            store.Put(FocusName(day, random), content, multipart: true, partSize: options.MultipartPartSize, created: day.AddHours(18).AddMinutes(m));
        }

        if (options.IncludeOddNames)
        {
            foreach (string name in OddNames)
            {
                store.Put(name, ReportCsv.Focus(random, tenancyId, today.AddDays(-1), options.RowsPerFile), created: today.AddDays(-1).AddHours(20));
            }
        }

        if (options.IncludeZeroByte)
        {
            store.Put(ZeroByteName, [], created: now.AddHours(-3));
        }
    }

    private static string FocusName(DateTimeOffset day, Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"FOCUS Reports/{day:yyyy}/{day:MM}/{day:dd}/0001{random.NextInt64(100000000000, 999999999999)}-{random.Next(1, 99):D5}.csv.gz");

    private static byte[] LargeFocus(Random random, string tenancyId, DateTimeOffset day, int minimumBytes)
    {
        int rows = 256;
        while (true)
        {
            byte[] content = ReportCsv.Focus(random, tenancyId, day, rows);
            if (content.Length >= minimumBytes)
            {
                return content;
            }

            rows *= 2;
        }
    }
}
