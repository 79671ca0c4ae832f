using CostSync.Hosting;
using CostSync.Sync;
using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Host.Hosting;

public sealed class RunResultsTests
{
    [Fact]
    public void Merge_RetryAfterDenial_KeepsTheFirstAttemptsCopiesSupersededInvalidContentAndWarnings()
    {
        var first = Results.Succeeded(copied: 1) with
        {
            Outcomes = [new ObjectOutcome("a.csv.gz", PlannedAction.CopyChanged, true, 1000, null) { SupersededKey = ".costsync/superseded/a.csv.gz/e1" }],
            Totals = new SyncTotals(3, 1, 0, 1, 1, 0, 1000) { InvalidContent = 1, Superseded = 1 },
            Warnings = ["schema drift in reports/cost-csv"],
        };
        var retry = Results.Succeeded(copied: 1) with
        {
            Outcomes = [new ObjectOutcome("b.csv.gz", PlannedAction.CopyNew, true, 500, null), new ObjectOutcome("a.csv.gz", PlannedAction.Skip, true, 0, null)],
            Totals = new SyncTotals(3, 2, 1, 0, 0, 0, 500) { InvalidContent = 2, SourceGone = 1 },
            Warnings = ["schema drift in reports/cost-csv", "another warning"],
        };

        var merged = RunResults.Merge(first, retry);

        Assert.Equal((1, 1, 1, 3, 1), (merged.Totals.Copied, merged.Totals.Changed, merged.Totals.Superseded, merged.Totals.InvalidContent, merged.Totals.SourceGone));
        Assert.Equal(["schema drift in reports/cost-csv", "another warning"], merged.Warnings);
        Assert.Equal(".costsync/superseded/a.csv.gz/e1", Assert.Single(merged.Outcomes, o => o.Name == "a.csv.gz").SupersededKey);
    }

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
