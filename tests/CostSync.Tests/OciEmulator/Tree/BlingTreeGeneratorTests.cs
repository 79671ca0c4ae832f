using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CostSync.OciEmulator.ObjectStorage;
using CostSync.OciEmulator.Tree;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.OciEmulator.Tree;

public sealed class BlingTreeGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_SameSeed_ProducesTheSameNamesAndContent()
    {
        EmulatorStore first = Generate(BlingTreeOptions.Default);
        EmulatorStore second = Generate(BlingTreeOptions.Default);
        EmulatorStore other = Generate(BlingTreeOptions.Default with { Seed = 7 });

        Assert.Equal(first.All.Select(o => (o.Name, o.ListingMd5)), second.All.Select(o => (o.Name, o.ListingMd5)));
        Assert.NotEqual(first.All.Select(o => o.Name), other.All.Select(o => o.Name));
    }

    [Fact]
    public void Generate_Default_HasCostReportsFocusDaysOddNamesZeroByteAndMultipart()
    {
        EmulatorStore store = Generate(BlingTreeOptions.Default);
        string[] names = store.All.Select(o => o.Name).ToArray();

        Assert.Equal(8, names.Count(n => Regex.IsMatch(n, @"^reports/cost-csv/\d{16}-00001\.csv\.gz$")));
        Assert.Equal(2, names.Count(n => Regex.IsMatch(n, @"^reports/cost-csv/\d{16}-00002\.csv\.gz$")));
        Assert.Equal(3 * 2 + 2, names.Count(n => Regex.IsMatch(n, @"^FOCUS Reports/\d{4}/\d{2}/\d{2}/[^/]+\.csv\.gz$")));
        Assert.All(BlingTreeGenerator.OddNames, odd => Assert.Contains(odd, names));
        Assert.True(store.TryGet(BlingTreeGenerator.ZeroByteName, out EmulatorObject? zero));
        Assert.Equal(0, zero.Size);
        EmulatorObject[] multipart = store.All.Where(o => o.IsMultipart).ToArray();
        Assert.Equal(2, multipart.Length);
        Assert.All(multipart, o => Assert.Null(o.Md5));
        Assert.All(multipart, o => Assert.Matches("-[3-9]$", o.MultipartMd5!));
    }

    [Fact]
    public void Generate_FocusObjects_AreGzippedCsvCreatedOnTheirFolderDayInThePast()
    {
        EmulatorStore store = Generate(BlingTreeOptions.Default);

        foreach (EmulatorObject item in store.All.Where(o => o.Name.StartsWith("FOCUS Reports/2", StringComparison.Ordinal)))
        {
            string[] segments = item.Name.Split('/');
            var folderDay = new DateTimeOffset(int.Parse(segments[1]), int.Parse(segments[2]), int.Parse(segments[3]), 0, 0, 0, TimeSpan.Zero);
            Assert.Equal(folderDay.Date, item.TimeCreated.UtcDateTime.Date);
            Assert.True(item.TimeCreated < Now);
            string csv = Gunzip(item.Content.ToArray());
            Assert.StartsWith("AvailabilityZone,BilledCost,BillingAccountId,", csv, StringComparison.Ordinal);
            Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1);
        }
    }

    [Fact]
    public void Generate_CostReports_HaveIncreasingNumbersAndCreationTimes()
    {
        EmulatorObject[] reports = Generate(BlingTreeOptions.Default).All.Where(o => o.Name.StartsWith("reports/cost-csv/", StringComparison.Ordinal) && o.Name.EndsWith("-00001.csv.gz", StringComparison.Ordinal)).ToArray();

        Assert.Equal(reports.OrderBy(o => o.TimeCreated).Select(o => o.Name), reports.Select(o => o.Name));
        Assert.StartsWith("lineItem/referenceNo,lineItem/tenantId,", Gunzip(reports[0].Content.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Default_EveryReportPassesFullValidation()
    {
        foreach (EmulatorObject item in Generate(BlingTreeOptions.Default).All.Where(o => o.Name.EndsWith(".csv.gz", StringComparison.Ordinal)))
        {
            var validator = new CostSync.Sync.Validation.ReportValidator(CostSync.Sync.Configuration.ValidationMode.Full);
            validator.Append(item.Content);
            var check = validator.Complete();
            Assert.True(check.IsValid, $"{item.Name}: {check.Problem}");
        }
    }

    [Fact]
    public void Generate_None_LeavesTheBucketEmpty()
    {
        Assert.Equal(0, Generate(BlingTreeOptions.None).Count);
    }

    [Fact]
    public void CodePointComparer_OrdersLikeUtf8Bytes()
    {
        string[] names = ["reports/emoji/📊 costs.csv.gz", "reports/\uFF21", "reports/a", "reports/é"];

        string[] sorted = names.Order(CodePointComparer.Instance).ToArray();

        Assert.Equal(names.OrderBy(n => n, Comparer<string>.Create((a, b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b)))), sorted);
        Assert.Equal("reports/emoji/📊 costs.csv.gz", sorted[1]);
    }

    private static EmulatorStore Generate(BlingTreeOptions options)
    {
        var store = new EmulatorStore(new FakeTimeProvider(Now));
        BlingTreeGenerator.Generate(store, options, "ocid1.tenancy.oc1..aaaaaaaatest", Now);
        return store;
    }

    private static string Gunzip(byte[] content)
    {
        using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
