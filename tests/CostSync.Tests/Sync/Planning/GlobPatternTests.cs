using CostSync.Sync.Planning;
using Xunit;

namespace CostSync.Tests.Sync.Planning;

public sealed class GlobPatternTests
{
    [Theory]
    // ** crosses segments, * and ? stay within one
    [InlineData("reports/cost-csv/**", "reports/cost-csv/0001-00001.csv.gz", true)]
    [InlineData("reports/cost-csv/**", "reports/cost-csv/a/b/c.csv.gz", true)]
    [InlineData("reports/cost-csv/**", "reports/usage-csv/a.csv.gz", false)]
    [InlineData("reports/*", "reports/cost-csv/a.csv.gz", false)]
    [InlineData("reports/*/*.csv.gz", "reports/cost-csv/a.csv.gz", true)]
    [InlineData("**/*.csv.gz", "a.csv.gz", true)]
    [InlineData("**/*.csv.gz", "x/y/a.csv.gz", true)]
    [InlineData("FOCUS Reports/2024/**", "FOCUS Reports/2024/11/24/x.csv.gz", true)]
    [InlineData("FOCUS Reports/2024/**", "FOCUS Reports/2025/01/01/x.csv.gz", false)]
    [InlineData("FOCUS Reports/202?/**", "FOCUS Reports/2025/01/01/x.csv.gz", true)]
    [InlineData("a?c", "a/c", false)]
    // everything else is literal: regex characters, plus, parentheses, brackets
    [InlineData("r/a+b (1).csv", "r/a+b (1).csv", true)]
    [InlineData("r/a+b (1).csv", "r/aab (1).csv", false)]
    [InlineData("r/[x].csv", "r/[x].csv", true)]
    [InlineData("r/*.csv", "r/a.csv.gz", false)]
    public void IsMatch_Table(string pattern, string name, bool expected)
    {
        var sut = new GlobPattern(pattern);

        Assert.Equal(expected, sut.IsMatch(name));
    }

    [Fact]
    public void NameFilter_IncludeAndExclude_ExcludeWins()
    {
        var sut = new NameFilter(["FOCUS Reports/**", "reports/**"], ["reports/cost-csv/**"]);

        Assert.True(sut.Passes("FOCUS Reports/2026/11/24/a.csv.gz"));
        Assert.True(sut.Passes("reports/usage-csv/a.csv.gz"));
        Assert.False(sut.Passes("reports/cost-csv/a.csv.gz"));
        Assert.False(sut.Passes("other/a.csv.gz"));
    }

    [Fact]
    public void NameFilter_NoPatterns_PassesEverything()
    {
        var sut = new NameFilter([], []);

        Assert.True(sut.Passes("any/name with spaces.csv.gz"));
    }
}
