using System.Text;
using CostSync.OciEmulator.Tree;
using CostSync.Sync.Configuration;
using CostSync.Sync.Validation;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.Validation;

public sealed class ReportValidatorTests
{
    [Theory]
    [InlineData(ValidationMode.Header)]
    [InlineData(ValidationMode.Full)]
    public void Complete_OciFocusReportWithByteOrderMarkAndTrailingSpaceColumn_IsValidFocus(ValidationMode mode)
    {
        var check = Validate(mode, ReportBytes.Focus(rows: 25));

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(ReportFamily.Focus, check.Family);
        Assert.True(check.ByteOrderMark);
        Assert.Equal("AvailabilityZone", check.Columns[0]);
        Assert.Contains("PricingCurrencyEffectiveCost ", check.Columns);
        Assert.Equal(mode == ValidationMode.Full ? 25 : null, check.Rows);
    }

    [Fact]
    public void Complete_FocusReportWithoutByteOrderMark_IsValidToo()
    {
        var check = Validate(ValidationMode.Full, ReportBytes.FocusWithHeader(ReportCsv.FocusHeader));

        Assert.True(check.IsValid, check.Problem);
        Assert.False(check.ByteOrderMark);
    }

    [Theory]
    [InlineData(ValidationMode.Header)]
    [InlineData(ValidationMode.Full)]
    public void Complete_OciCostReport_IsValidOciCost(ValidationMode mode)
    {
        var check = Validate(mode, ReportBytes.Cost());

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(ReportFamily.OciCost, check.Family);
        Assert.Equal("lineItem/referenceNo", check.Columns[0]);
    }

    [Fact]
    public void Complete_OciUsageReport_IsValidOciUsage()
    {
        var check = Validate(ValidationMode.Full, ReportBytes.Gzip(
            "lineItem/referenceNo,lineItem/tenantId,lineItem/intervalUsageStart,lineItem/intervalUsageEnd,product/service,product/resourceId,usage/consumedQuantity\n" +
            "1,ocid1.tenancy.oc1..a,2026-11-23T00:00Z,2026-11-23T01:00Z,COMPUTE,ocid1.instance.oc1..b,3\n"));

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(ReportFamily.OciUsage, check.Family);
    }

    [Theory]
    [InlineData(ValidationMode.Header)]
    [InlineData(ValidationMode.Full)]
    public void Complete_CsvWithoutItsHeaderLine_IsInvalidWithoutQuotingTheData(ValidationMode mode)
    {
        var text = ReportBytes.FocusText(rows: 5);
        var check = Validate(mode, ReportBytes.Gzip(text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]));

        Assert.False(check.IsValid);
        Assert.Null(check.Family);
        Assert.StartsWith("no known header: the first line (50 fields)", check.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportBytes.Tenancy, check.Problem, StringComparison.Ordinal);
        Assert.Empty(check.Columns);
    }

    [Theory]
    [InlineData(ValidationMode.Header)]
    [InlineData(ValidationMode.Full)]
    public void Complete_UncompressedCsv_IsNotAGzipStream(ValidationMode mode)
    {
        var check = Validate(mode, Encoding.UTF8.GetBytes(ReportBytes.FocusText()));

        Assert.Equal("not a gzip stream: it looks like uncompressed text", check.Problem);
    }

    [Fact]
    public void Complete_EmptyObject_IsNotAGzipStream()
    {
        var check = Validate(ValidationMode.Header, []);

        Assert.Equal("the object is empty (0 bytes), not a gzip stream", check.Problem);
    }

    [Fact]
    public void Complete_DamagedCompressedDataAfterTheHeader_FullFindsItHeaderDoesNotLook()
    {
        var report = ReportBytes.Focus(rows: 400);
        report[report.Length / 2] ^= 0x55;

        var full = Validate(ValidationMode.Full, report);
        var header = Validate(ValidationMode.Header, report);

        Assert.False(full.IsValid);
        Assert.Matches("compressed data is damaged|CRC-32|length", full.Problem!);
        Assert.True(header.IsValid, header.Problem);
    }

    [Fact]
    public void Complete_RandomlyDamagedReports_AreFindingsNeverExceptions()
    {
        var report = ReportBytes.Focus(rows: 50);
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var damaged = (byte[])report.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                damaged[random.Next(10, damaged.Length)] = (byte)random.Next(256);
            }

            var check = Validate(ValidationMode.Full, damaged);

            Assert.True(check.IsValid || check.Problem!.Length > 0);
        }
    }

    [Fact]
    public void Complete_TruncatedGzip_FullSaysTruncated()
    {
        var report = ReportBytes.Focus(rows: 400);

        var inData = Validate(ValidationMode.Full, report[..(report.Length / 2)]);
        var inTrailer = Validate(ValidationMode.Full, report[..^3]);

        Assert.StartsWith("the gzip stream is truncated: it ends inside the compressed data", inData.Problem, StringComparison.Ordinal);
        Assert.Equal("the gzip stream is truncated: it ends inside its CRC-32 and length trailer", inTrailer.Problem);
    }

    [Fact]
    public void Complete_TrailerCrcDoesNotMatch_FullIsInvalid()
    {
        var report = ReportBytes.Focus();
        report[^6] ^= 0x01;

        Assert.StartsWith("the gzip trailer's CRC-32", Validate(ValidationMode.Full, report).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_BytesAfterTheGzipStream_FullIsInvalid()
    {
        byte[] report = [.. ReportBytes.Focus(), .. "junk"u8];

        Assert.Contains("are followed by 4 bytes or more that are not a gzip member", Validate(ValidationMode.Full, report).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_TwoGzipMembers_FullReadsBoth()
    {
        var text = ReportBytes.FocusText(rows: 10);
        var split = text.IndexOf('\n', 2000);
        byte[] report = [.. ReportBytes.Gzip(text[..(split + 1)]), .. ReportBytes.Gzip(text[(split + 1)..])];

        var check = Validate(ValidationMode.Full, report);

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(10, check.Rows);
    }

    [Fact]
    public void Complete_RecordWithAFieldMissing_FullNamesItsLine()
    {
        var lines = ReportBytes.FocusText(rows: 6).Split('\n').ToList();
        lines[4] = lines[4][..lines[4].LastIndexOf(',')];
        lines[5] = lines[5][..lines[5].LastIndexOf(',')];

        var check = Validate(ValidationMode.Full, ReportBytes.Gzip(string.Join('\n', lines)));

        Assert.Equal("the record on line 5 has 49 fields, the header has 50; 2 records do not match", check.Problem);
    }

    [Fact]
    public void Complete_QuotedCommasAndLineBreaksInValues_CountAsOneField()
    {
        var check = Validate(ValidationMode.Full, ReportBytes.Gzip(
            "BilledCost,BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,Tags\r\n" +
            "1.5,42,USD,a,b,c,d,\"{\"\"team\"\":\"\"fin,ops\"\"}\"\r\n" +
            "\r\n" +
            "2.5,42,USD,a,b,c,d,\"line one\nline two, still the same value\"\r\n" +
            "3.5,42,USD,a,b,c,d,"));

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(3, check.Rows);
    }

    [Fact]
    public void Complete_QuotedValueNeverClosed_FullIsInvalid()
    {
        var check = Validate(ValidationMode.Full, ReportBytes.Gzip(
            "BilledCost,BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd\n1,2,USD,a,b,c,\"d\n"));

        Assert.Equal("a quoted value opened on line 2 is never closed (the content ends inside it)", check.Problem);
    }

    [Fact]
    public void Complete_HeaderOnlyWithoutLineBreak_IsValid()
    {
        var check = Validate(ValidationMode.Full, ReportBytes.Gzip(ReportCsv.FocusHeader));

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(0, check.Rows);
    }

    [Fact]
    public void Complete_FocusHeaderWithoutCoreColumns_NamesThem()
    {
        var check = Validate(ValidationMode.Header, ReportBytes.Gzip("BilledCost,ChargePeriodStart,ServiceName\n1,2,3\n"));

        Assert.Equal("a FOCUS header without BillingAccountId, BillingCurrency, BillingPeriodStart, BillingPeriodEnd, ChargePeriodEnd", check.Problem);
    }

    [Fact]
    public void Complete_FirstLineNotUtf8_IsInvalid()
    {
        byte[] text = [0xC3, 0x28, .. "BilledCost\n"u8];

        Assert.Equal("the first line is not UTF-8 text", Validate(ValidationMode.Header, Gzip(text)).Problem);
    }

    [Theory]
    [InlineData(ValidationMode.Header)]
    [InlineData(ValidationMode.Full)]
    public void Complete_PiecesSplitAnywhere_GiveTheSameResultAsOnePiece(ValidationMode mode)
    {
        var report = ReportBytes.GzipWithComment(ReportBytes.FocusText(rows: 30), commentBytes: 40);
        var whole = Validate(mode, report);

        foreach (var size in new[] { 1, 2, 3, 7, 64, 1000 })
        {
            var sut = new ReportValidator(mode);
            for (var offset = 0; offset < report.Length; offset += size)
            {
                sut.Append(report.AsMemory(offset, Math.Min(size, report.Length - offset)));
            }

            var pieces = sut.Complete();
            Assert.Equal((whole.Problem, whole.Family, whole.Schema, whole.Rows, whole.ByteOrderMark), (pieces.Problem, pieces.Family, pieces.Schema, pieces.Rows, pieces.ByteOrderMark));
            Assert.Equal(whole.Columns, pieces.Columns);
        }

        Assert.True(whole.IsValid, whole.Problem);
        Assert.Equal(ReportFamily.Focus, whole.Family);
    }

    [Fact]
    public void Complete_GzipHeaderWithNameExtraAndHeaderCrcFields_IsValid()
    {
        var plain = ReportBytes.Gzip(ReportBytes.FocusText(rows: 3));
        byte[] report =
        [
            .. plain.AsSpan(0, 3), (byte)(0x04 | 0x08 | 0x02), .. plain.AsSpan(4, 6),
            3, 0, (byte)'x', (byte)'y', (byte)'z',
            .. "report.csv\0"u8,
            0xAB, 0xCD,
            .. plain.AsSpan(10),
        ];

        var check = Validate(ValidationMode.Full, report);

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(3, check.Rows);
    }

    private static ContentCheck Validate(ValidationMode mode, byte[] content)
    {
        var sut = new ReportValidator(mode);
        sut.Append(content);
        return sut.Complete();
    }

    private static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return output.ToArray();
    }
}
