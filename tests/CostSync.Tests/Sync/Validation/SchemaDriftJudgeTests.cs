using CostSync.Sync.Validation;
using Xunit;

namespace CostSync.Tests.Sync.Validation;

public sealed class SchemaDriftJudgeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Judge_SameColumnsInAnotherOrder_SaysSo()
    {
        var drift = Assert.Single(SchemaDriftJudge.Judge([Report("a", 0, "s1", ["x", "y"], copied: false)], [Report("b", 1, "s2", ["y", "x"])], _ => null));

        Assert.Contains("has the same columns in another order, compared with the previous report a", drift.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_PreviousColumnsNotKnown_NamesTheFingerprints()
    {
        var drift = Assert.Single(SchemaDriftJudge.Judge([Report("a", 0, "s1", null, copied: false)], [Report("b", 1, "s2", ["x"])], _ => null));

        Assert.Contains("has other columns (schema s1 → s2)", drift.Message, StringComparison.Ordinal);
        Assert.Empty(drift.Added);
    }

    [Fact]
    public void Judge_ReportsCopiedOutOfOrder_AreComparedByCreationTime()
    {
        // b (old columns) and c (new) are copied in one run, c listed first: one drift, at c.
        var drifts = SchemaDriftJudge.Judge([Report("a", 0, "s1", ["x"], copied: false)], [Report("c", 2, "s2", ["x", "z"]), Report("b", 1, "s1", ["x"])], _ => null);

        Assert.Equal(("c", "b"), (Assert.Single(drifts).Name, drifts[0].PreviousName));
    }

    [Fact]
    public void Judge_OnlyArchivedReportsDiffer_ReportsNothing()
    {
        Assert.Empty(SchemaDriftJudge.Judge([Report("a", 0, "s1", ["x"], copied: false), Report("b", 1, "s2", ["y"], copied: false)], [Report("c", 2, "s2", ["y"])], _ => null));
    }

    private static SchemaDriftJudge.Report Report(string name, int day, string schema, IReadOnlyList<string>? columns, bool copied = true) =>
        new(ReportFamily.Focus, name, "oci/" + name, T0.AddDays(day), schema, columns, copied);
}
