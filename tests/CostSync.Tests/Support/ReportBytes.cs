using System.IO.Compression;
using System.Text;
using CostSync.OciEmulator.Tree;

namespace CostSync.Tests.Support;

/// <summary>Report contents for validation tests, built by the emulator's generator (OCI's real headers and quirks) or by hand.</summary>
internal static class ReportBytes
{
    public const string Tenancy = "ocid1.tenancy.oc1..aaaatest";
    public static readonly DateTimeOffset Day = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A FOCUS report as OCI writes it: byte order mark, <c>PricingCurrencyEffectiveCost </c> with its trailing space.</summary>
    public static byte[] Focus(int rows = 20, int seed = 1) => ReportCsv.Focus(new Random(seed), Tenancy, Day, rows);

    /// <summary>A FOCUS report whose header is <paramref name="header"/> (rows still have OCI's 50 fields).</summary>
    public static byte[] FocusWithHeader(string header, int rows = 20, bool byteOrderMark = false) =>
        ReportCsv.Gzip(ReportCsv.FocusText(new Random(1), Tenancy, Day, rows, header), byteOrderMark);

    /// <summary>An OCI proprietary cost report.</summary>
    public static byte[] Cost(int rows = 20, int seed = 1) => ReportCsv.Cost(new Random(seed), Tenancy, Day, rows);

    /// <summary>The CSV text of a FOCUS report without its byte order mark.</summary>
    public static string FocusText(int rows = 20) => ReportCsv.FocusText(new Random(1), Tenancy, Day, rows, ReportCsv.FocusHeader);

    public static byte[] Gzip(string text) => ReportCsv.Gzip(text, byteOrderMark: false);

    /// <summary>Decompresses (for checks in tests).</summary>
    public static string Gunzip(byte[] content)
    {
        using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// A gzip member of <paramref name="text"/> whose header carries a comment of <paramref name="commentBytes"/> bytes (a valid,
    /// rarely used RFC 1952 field): it pushes the compressed data, and so the first line, as far into the object as a test needs.
    /// </summary>
    public static byte[] GzipWithComment(string text, int commentBytes)
    {
        var plain = Gzip(text);
        using var output = new MemoryStream();
        output.Write(plain.AsSpan(0, 3));
        output.WriteByte((byte)(plain[3] | 0x10));
        output.Write(plain.AsSpan(4, 6));
        var comment = new byte[commentBytes];
        comment.AsSpan().Fill((byte)'c');
        comment[^1] = 0;
        output.Write(comment);
        output.Write(plain.AsSpan(10));
        return output.ToArray();
    }
}
