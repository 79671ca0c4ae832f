using CostSync.Hosting;
using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Host.Hosting;

public sealed class RunResultsTests
{
    [Fact]
    public void Merge_ContentFindingsOfTheFirstAttempt_AreKeptWithTheRetrys()
    {
        var first = Results.WithContentFindings();
        var retry = Results.Succeeded(copied: 0) with { Warnings = ["retry warning"] };

        var merged = RunResults.Merge(first, retry);

        Assert.Equal(1, merged.Totals.InvalidContent);
        Assert.Single(merged.SchemaDrifts);
        Assert.Equal([first.Warnings[0], "retry warning"], merged.Warnings);
        Assert.Contains(merged.Outcomes, o => o.HasInvalidContent);
    }
}
