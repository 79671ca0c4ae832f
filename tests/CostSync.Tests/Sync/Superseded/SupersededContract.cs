using CostSync.Sync;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Sync.Superseded;

/// <summary>A report changed in place never loses its archived bytes: they are copied aside first, or the overwrite does not happen.</summary>
public abstract class SupersededContract : StoreContract
{
    private const int MiB = 1024 * 1024;
    private const string Changed = "FOCUS Reports/2026/11/24/focus report (1).csv.gz";
    private const string Large = "FOCUS Reports/2026/11/24/large.csv.gz";

    [Fact]
    public async Task Run_ReportsChangedInPlace_OldBytesStayReadableAndTheLedgerRecordsBoth()
    {
        var old = Harness.Source.Put(Changed, 3000).Content.ToArray();
        var oldLarge = Harness.Source.Put(Large, 13 * MiB).Content.ToArray();
        Harness.Source.Put("reports/cost-csv/0001.csv.gz", 2000);
        await using var sut = Store();
        await Harness.RunAsync(sut, Ct);
        var first = (await LedgerContents.EntriesAsync(sut, Root, Ct)).ToDictionary(e => e.Key);
        var changed = Harness.Source.Put(Changed, 3100, seed: 42);
        var changedLarge = Harness.Source.Put(Large, 12 * MiB, seed: 43);

        var result = await Harness.RunAsync(sut, Ct);

        Assert.True(result.Status == SyncRunStatus.Succeeded, result.Error);
        Assert.Equal((2, 1), (result.Totals.Changed, result.Totals.Skipped));
        Assert.Equal(changed.Content.ToArray(), await ReadBytesAsync(sut, Root + Changed));
        Assert.Equal(changedLarge.Content.ToArray(), await ReadBytesAsync(sut, Root + Large));
        var entries = await LedgerContents.EntriesAsync(sut, Root, Ct);
        foreach (var (name, bytes) in new[] { (Changed, old), (Large, oldLarge) })
        {
            var previous = first[Root + name];
            var kept = Assert.Single(await KeysAsync(sut, Root + ".costsync/superseded/" + name + "/"));
            Assert.Equal($"{Root}.costsync/superseded/{name}/{previous.DestinationETag}", kept);
            Assert.Equal(bytes, await ReadBytesAsync(sut, kept));
            var keptEntry = Assert.Single(entries, e => e.Key == kept);
            Assert.Equal((Root + name, previous.ETag, previous.Size, "run-2"), (keptEntry.SupersededFrom, keptEntry.ETag, keptEntry.Size, keptEntry.RunId));
            var copy = Assert.Single(entries, e => e.Key == Root + name && e.RunId == "run-2");
            Assert.Equal((kept, Harness.Source[name].ETag), (copy.SupersededKey, copy.ETag));
        }

        var third = await Harness.RunAsync(sut, Ct);
        Assert.Equal(3, third.Totals.Skipped);
    }

    [Fact]
    public async Task Run_PreservingTheOldBytesFails_ChangedReportIsNotOverwrittenAndFailsClearly()
    {
        var old = Harness.Source.Put(Changed, 3000).Content.ToArray();
        await using var sut = new HookedDestination(Store());
        await Harness.RunAsync(sut, Ct);
        var changed = Harness.Source.Put(Changed, 3100, seed: 42);
        sut.FailCopy = _ => new CostSync.Sync.Destinations.DestinationRejectedException("Injected: copy refused (AccessDenied).");
        Harness.Source.ResetCounters();

        var refused = await Harness.RunAsync(sut, Ct);

        Assert.Equal(SyncRunStatus.Failed, refused.Status);
        var failure = Assert.Single(refused.Outcomes, o => !o.Succeeded);
        Assert.Contains($"The archived bytes of {Root}{Changed} could not be preserved", failure.Error, StringComparison.Ordinal);
        Assert.Contains("was not copied", failure.Error, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", failure.Error, StringComparison.Ordinal);
        Assert.Equal(old, await ReadBytesAsync(sut, Root + Changed));
        Assert.Equal(0, Harness.Source.GetCalls);
        Assert.DoesNotContain(await LedgerContents.EntriesAsync(sut, Root, Ct), e => e.RunId == "run-2");

        sut.FailCopy = null;
        var retried = await Harness.RunAsync(sut, Ct);
        Assert.Equal(1, retried.Totals.Changed);
        Assert.Equal(changed.Content.ToArray(), await ReadBytesAsync(sut, Root + Changed));
        Assert.Equal(old, await ReadBytesAsync(sut, Assert.Single(await KeysAsync(sut, Root + ".costsync/superseded/"))));
    }

    [Fact]
    public async Task Run_BucketKeepsVersions_ChangedReportsAreOverwrittenWithoutACopy()
    {
        Harness.Source.Put(Changed, 3000);
        Harness.Source.Put("reports/cost-csv/0001.csv.gz", 2000);
        await using var hooked = new HookedDestination(Store()) { Versioned = true };
        await using var sut = new CountingDestination(hooked);
        await Harness.RunAsync(sut, Ct);
        Harness.Source.Put(Changed, 3100, seed: 42);
        Harness.Source.Put("reports/cost-csv/0001.csv.gz", 2100, seed: 43);
        sut.Clear();

        var result = await Harness.RunAsync(sut, Ct);

        Assert.Equal((SyncRunStatus.Succeeded, 2), (result.Status, result.Totals.Changed));
        Assert.DoesNotContain(sut.Calls, c => c.Operation == "Copy");
        Assert.Empty(await KeysAsync(sut, Root + ".costsync/superseded/"));
    }

    [Fact]
    public async Task Run_NothingChanged_NeverAsksForVersioning()
    {
        Harness.Source.Put(Changed, 3000);
        await using var sut = new CountingDestination(Store());
        await Harness.RunAsync(sut, Ct);
        Harness.Source.Put("reports/cost-csv/new.csv.gz", 2000);

        await Harness.RunAsync(sut, Ct);

        Assert.DoesNotContain(sut.Calls, c => c.Operation is "Versioning" or "Copy");
    }
}
