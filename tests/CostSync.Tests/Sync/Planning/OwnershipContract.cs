using System.Text;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.Planning;

/// <summary>
/// On a bucket shared with another team, CostSync touches only what it wrote (a ledger entry or its own metadata): another
/// writer's objects are never deleted by Mirror mode, never overwritten, never adopted into the ledger.
/// </summary>
public abstract class OwnershipContract : StoreContract
{
    [Theory]
    [InlineData("/archive/oci/")]
    [InlineData("")]
    public async Task Run_MirrorOnAPrefixSharedWithAnotherTeam_DeletesOnlyWhatCostSyncWrote(string prefix)
    {
        Harness.DestinationOptions.Prefix = prefix;
        var root = prefix.Trim('/') is { Length: > 0 } p ? p + "/" : string.Empty;
        await using var sut = new CountingDestination(Store());
        var foreign = await PlantForeignObjectsAsync(sut, root);
        var names = Enumerable.Range(0, 10).Select(i => $"reports/cost-csv/{i:D4}.csv.gz").ToList();
        names.ForEach(n => Harness.Source.Put(n, 1500));
        await Harness.RunAsync(sut, Ct);
        Harness.Source.Remove(names[4]);
        Harness.DestinationOptions.Mode = DestinationMode.Mirror;
        Harness.DestinationOptions.MirrorMaxDeleteShare = 0.2;

        var plan = await Harness.Engine.PlanAsync(new SyncRunContext("dry-run", sut), Ct);
        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal(foreign.Keys.Order(StringComparer.Ordinal), plan.Items.Where(i => i.Action == PlannedAction.LeaveAlone).Select(i => i.DestinationKey).Order(StringComparer.Ordinal));
        Assert.All(plan.Items.Where(i => i.Action == PlannedAction.LeaveAlone), i => Assert.StartsWith("not ours, left alone", i.Reason, StringComparison.Ordinal));
        Assert.Equal((SyncRunStatus.Succeeded, 1, 0), (result.Status, result.Totals.Deleted, result.Totals.Failed));
        Assert.Equal([root + names[4]], sut.Calls.Where(c => c.Operation == "Delete").Select(c => c.Key));
        foreach (var (key, bytes) in foreign)
        {
            Assert.Equal(bytes, await ReadBytesAsync(sut, key));
        }

        var entries = await LedgerContents.EntriesAsync(sut.Inner, root, Ct);
        Assert.DoesNotContain(entries, e => foreign.ContainsKey(e.Key));
        Assert.Contains(entries, e => e.Key == root + names[4] && e.Deleted == true);

        sut.Clear();
        var again = await Harness.RunAsync(sut, Ct);
        Assert.Equal((SyncRunStatus.Succeeded, 0), (again.Status, again.Totals.Deleted));
        Assert.DoesNotContain(sut.Calls, c => c.Operation is "Head" or "Delete" or "Put");
    }

    [Fact]
    public async Task Run_LedgerLostOnASharedPrefix_AdoptsOnlyWhatCostSyncWrote()
    {
        await using var sut = new CountingDestination(Store());
        var foreign = await PlantForeignObjectsAsync(sut, Root);
        var names = Enumerable.Range(0, 6).Select(i => $"reports/cost-csv/{i:D4}.csv.gz").ToList();
        names.ForEach(n => Harness.Source.Put(n, 1500));
        await Harness.RunAsync(sut, Ct);
        foreach (var key in await LedgerContents.KeysAsync(sut.Inner, Root, Ct))
        {
            await sut.Inner.DeleteObjectAsync(key, Ct);
        }

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal((SyncRunStatus.Succeeded, 6), (result.Status, result.Totals.Skipped));
        Assert.Equal(names.Select(n => Root + n).Order(StringComparer.Ordinal), (await LedgerContents.RecordedKeysAsync(sut.Inner, Root, Ct)).Order(StringComparer.Ordinal));
        var heads = sut.Calls.Where(c => c.Operation == "Head").Select(c => c.Key).ToList();
        Assert.Equal(foreign.Keys.Concat(names.Select(n => Root + n)).Order(StringComparer.Ordinal), heads.Order(StringComparer.Ordinal));
        Assert.All(foreign, f => Assert.DoesNotContain(sut.Calls, c => c.Key == f.Key && c.Operation is not "Head" and not "Put"));
    }

    [Fact]
    public async Task Run_AnotherWritersObjectAtAReportKey_IsLeftAloneAndTheReportFailsClearly()
    {
        var theirs = Encoding.UTF8.GetBytes("another team's export, not the OCI report\n");
        await using var sut = Store();
        await PutForeignAsync(sut, Root + "reports/cost-csv/0001.csv.gz", theirs);
        Harness.Source.Put("reports/cost-csv/0001.csv.gz", 1500);
        Harness.Source.Put("reports/cost-csv/0002.csv.gz", 1500);

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal((SyncRunStatus.PartiallyFailed, 1, 1), (result.Status, result.Totals.Copied, result.Totals.Failed));
        var failure = Assert.Single(result.Outcomes, o => !o.Succeeded);
        Assert.Equal(("reports/cost-csv/0001.csv.gz", PlannedAction.LeaveAlone), (failure.Name, failure.Action));
        Assert.Contains($"{Root}reports/cost-csv/0001.csv.gz holds an object CostSync did not write", failure.Error, StringComparison.Ordinal);
        Assert.Equal(theirs, await ReadBytesAsync(sut, Root + "reports/cost-csv/0001.csv.gz"));
        Assert.Empty(await KeysAsync(sut, Root + ".costsync/superseded/"));
        Assert.Equal([Root + "reports/cost-csv/0002.csv.gz"], await LedgerContents.RecordedKeysAsync(sut, Root, Ct));
    }

    /// <summary>Another team's files under the prefix: one shaped like a report whose source does not exist, two that are not.</summary>
    private static async Task<Dictionary<string, byte[]>> PlantForeignObjectsAsync(CostSync.Sync.Destinations.IDestination destination, string root)
    {
        var foreign = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [root + "budget/2026 plan.xlsx"] = Encoding.UTF8.GetBytes("budget"),
            [root + "notes.txt"] = Encoding.UTF8.GetBytes("keep me"),
            [root + "reports/cost-csv/exported-by-finance.csv.gz"] = Encoding.UTF8.GetBytes("finance export"),
        };
        foreach (var (key, bytes) in foreign)
        {
            await PutForeignAsync(destination, key, bytes);
        }

        return foreign;
    }
}
