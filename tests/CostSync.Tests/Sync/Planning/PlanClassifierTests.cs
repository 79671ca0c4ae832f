using CostSync.Oci.ObjectStorage;
using CostSync.Sync;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Planning;
using Xunit;

namespace CostSync.Tests.Sync.Planning;

public sealed class PlanClassifierTests
{
    private const string Md5 = "XrY7u+Ae7tCTyyK7j1rNww=="; // md5("hello world")
    private const string Hex = "5eb63bbbe01eeed093cb22bb8f5acdc3";
    private static readonly ObjectSummary Source = new("r/a.csv.gz", 11, Md5, "etag-1", null, null);

    [Fact]
    public void Classify_AbsentAtDestination_CopiesNew()
    {
        Assert.Equal(PlannedAction.CopyNew, PlanClassifier.Classify(Source, null, null).Action);
        Assert.Equal(PlannedAction.CopyNew, PlanClassifier.Classify(Source, null, Entry()).Action);
    }

    [Fact]
    public void Classify_SameSizeMd5AndEtagInLedger_Skips()
    {
        var (action, reason) = PlanClassifier.Classify(Source, Dest(), Entry());

        Assert.Equal(PlannedAction.Skip, action);
        Assert.Contains("unchanged", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12, Md5, "etag-1", "size differs")]
    [InlineData(11, "AAAAAAAAAAAAAAAAAAAAAA==", "etag-1", "MD5 differs")]
    [InlineData(11, Md5, "etag-2", "etag differs")]
    public void Classify_SourceChangedInPlace_CopiesChangedWithReason(long size, string md5, string etag, string reason)
    {
        var changed = Source with { Size = size, Md5 = md5, ETag = etag };

        var result = PlanClassifier.Classify(changed, Dest(size), Entry());

        Assert.Equal((PlannedAction.CopyChanged, true), (result.Action, result.Reason.Contains(reason, StringComparison.Ordinal)));
    }

    [Fact]
    public void Classify_DestinationReplacedOutsideCostSync_CopiesChanged()
    {
        Assert.Equal(PlannedAction.CopyChanged, PlanClassifier.Classify(Source, Dest(etag: "0000"), Entry()).Action);
    }

    [Fact]
    public void Classify_NotOursButSameSizeAndMd5AtDestination_SkipsWithoutClaimingIt()
    {
        var (action, reason) = PlanClassifier.Classify(Source, Dest(), null);

        Assert.Equal(PlannedAction.Skip, action);
        Assert.Contains("not recorded in the ledger", reason, StringComparison.Ordinal);
    }

    [Theory]
    // a multipart source MD5 cannot be compared with an ETag
    [InlineData(11, "abc-2", Hex)]
    // another writer's different bytes
    [InlineData(12, Md5, Hex)]
    // an ETag that is not an MD5 (SSE-KMS) proves nothing
    [InlineData(11, Md5, "9f2c1a7e0b3d4c5e6f708192a3b4c5d6e7f8091a")]
    public void Classify_NotOursAndNotProvenEqual_LeavesItAloneNamingKeyAndFix(long destinationSize, string sourceMd5, string destinationETag)
    {
        var (action, reason) = PlanClassifier.Classify(Source with { Md5 = sourceMd5 }, Dest(destinationSize, destinationETag), null);

        Assert.Equal(PlannedAction.LeaveAlone, action);
        Assert.Contains("p/r/a.csv.gz holds an object CostSync did not write", reason, StringComparison.Ordinal);
        Assert.Contains("CostSync:Destination:Prefix", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_KmsETagRecordedInLedger_SkipsWithoutAnMd5()
    {
        const string KmsETag = "9f2c1a7e0b3d4c5e6f708192a3b4c5d6";
        var entry = Entry() with { DestinationETag = KmsETag };

        Assert.Equal(PlannedAction.Skip, PlanClassifier.Classify(Source, Dest(etag: KmsETag), entry).Action);
    }

    private static DestinationObject Dest(long size = 11, string etag = Hex) => new("p/r/a.csv.gz", size, etag, null);

    private static LedgerEntry Entry() => new("r/a.csv.gz", 11, Md5, null, "etag-1", null, "p/r/a.csv.gz", Hex, null, DateTimeOffset.UnixEpoch, "run-1");
}
