using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Configuration;
using CostSync.Sync.Integrity;
using CostSync.Sync.Transfer;
using CostSync.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Sync.Transfer;

public sealed class SourceReaderTests
{
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(30);
    private readonly FakeObjectStorageClient _source = new();
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_RangeAnsweredWithAnotherRange_FailsNamingWhatCameBack()
    {
        var o = _source.Put("FOCUS Reports/2026/11/24/r.csv.gz", 10_000);
        _source.InjectFaults(o.Name, FakeGetFault.ShiftedRange);
        var target = new byte[1000];

        var error = await Assert.ThrowsAsync<IntegrityException>(() => CreateSut().ReadAsync(Source(o), new ByteRange(2000, 1000), target, Ct));

        Assert.Contains("bytes=2001-3000 of 10000 bytes, not the range asked for", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_RangeAnsweredAsAsked_FillsTheBuffer()
    {
        var o = _source.Put("FOCUS Reports/2026/11/24/r.csv.gz", 10_000);
        var target = new byte[1000];

        await CreateSut().ReadAsync(Source(o), new ByteRange(2000, 1000), target, Ct);

        var expected = new byte[1000];
        o.Content.Fill(2000, expected);
        Assert.Equal(expected, target);
    }

    [Fact]
    public async Task ReadAndHead_ObjectGoneSinceTheListing_ThrowSourceGone()
    {
        var o = _source.Put("reports/cost-csv/0001-00001.csv.gz", 1000);
        _source.GoneAfterListing(o.Name);
        var sut = CreateSut();

        var read = await Assert.ThrowsAsync<SourceGoneException>(() => sut.ReadAsync(Source(o), null, new byte[1000], Ct));
        var head = await Assert.ThrowsAsync<SourceGoneException>(() => sut.HeadAsync(Source(o), Ct));

        Assert.Contains("no longer in oci://bling/", read.Message, StringComparison.Ordinal);
        Assert.Contains("(404)", head.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_BodyStopsDeliveringBytes_IsAbortedWhenTheStallTimeoutPassesOnTheClock()
    {
        var o = _source.Put("reports/cost-csv/0001-00001.csv.gz", 100_000);
        _source.InjectFaults(o.Name, FakeGetFault.Stalled);

        var read = CreateSut().ReadAsync(Source(o), null, new byte[100_000], Ct);
        await _source.Stalled.Task.WaitAsync(Ct);
        Assert.False(read.IsCompleted);
        _time.Advance(StallTimeout);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => read);
        Assert.Contains("delivered no bytes for 00:00:30 (CostSync:Transfer:StallTimeout) after 50000 of 100000 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(TransferFailures.IsRetryable(error));
    }

    private static SourceObject Source(FakeObject o) => new("bling", "ocid1.tenancy.oc1..fake", o.Summary);

    private SourceReader CreateSut() => new(_source, TransferSettings.From(new TransferOptions { StallTimeout = StallTimeout }), _time);
}
