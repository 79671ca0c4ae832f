using CostSync.Oci.Http;
using Xunit;

namespace CostSync.Tests.Oci.Http;

public sealed class OciHttpTests
{
    [Theory]
    // one path segment: '/' and every reserved character are escaped exactly once
    [InlineData("reports/cost-csv/0001-00001.csv.gz", "reports%2Fcost-csv%2F0001-00001.csv.gz")]
    [InlineData("FOCUS Reports/2026/11/24/a b.csv.gz", "FOCUS%20Reports%2F2026%2F11%2F24%2Fa%20b.csv.gz")]
    [InlineData("a+b&c%d~e", "a%2Bb%26c%25d~e")]
    [InlineData("100%25", "100%2525")]
    [InlineData("ü€😀", "%C3%BC%E2%82%AC%F0%9F%98%80")]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    public void BuildUri_ObjectName_PathAndQueryKeepsSingleEscaping(string name, string expected)
    {
        Uri uri = OciHttp.BuildUri("http://127.0.0.1:41234", "/n/bling/b/bucket/o/" + OciHttp.Segment(name));

        Assert.Equal("/n/bling/b/bucket/o/" + expected, uri.PathAndQuery);
    }

    [Fact]
    public void BuildUri_QueryValues_AreEscapedAndNullsSkipped()
    {
        Uri uri = OciHttp.BuildUri("https://h", "/n/bling/b/b/o", ("prefix", "FOCUS Reports/a+b"), ("start", null), ("limit", "1000"));

        Assert.Equal("/n/bling/b/b/o?prefix=FOCUS%20Reports%2Fa%2Bb&limit=1000", uri.PathAndQuery);
    }
}
