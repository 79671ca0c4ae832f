using CostSync.Sync.Planning;
using Xunit;

namespace CostSync.Tests.Sync.Planning;

public sealed class KeyLayoutTests
{
    [Theory]
    [InlineData(null, null, "FOCUS Reports/a b.csv.gz", "FOCUS Reports/a b.csv.gz", ".costsync/ledger.jsonl")]
    [InlineData("", null, "x.csv.gz", "x.csv.gz", ".costsync/ledger.jsonl")]
    [InlineData("/archive/oci/", null, "x.csv.gz", "archive/oci/x.csv.gz", "archive/oci/.costsync/ledger.jsonl")]
    [InlineData("archive", "ocid1.tenancy.oc1..t", "r/x.csv.gz", "archive/ocid1.tenancy.oc1..t/r/x.csv.gz", "archive/ocid1.tenancy.oc1..t/.costsync/ledger.jsonl")]
    [InlineData(null, "ocid1.tenancy.oc1..t", "x", "ocid1.tenancy.oc1..t/x", "ocid1.tenancy.oc1..t/.costsync/ledger.jsonl")]
    public void KeyFor_PrefixAndTenancy_JoinsWithoutReencoding(string? prefix, string? tenancy, string name, string key, string ledger)
    {
        var sut = new KeyLayout(prefix, tenancy);

        Assert.Equal(key, sut.KeyFor(name));
        Assert.Equal(ledger, sut.LedgerKey);
        Assert.Equal(name, sut.NameOf(key));
    }

    [Fact]
    public void NameOf_LedgerOrOutsidePrefix_IsNull()
    {
        var sut = new KeyLayout("archive", null);

        Assert.Null(sut.NameOf("archive/.costsync/ledger.jsonl"));
        Assert.Null(sut.NameOf("elsewhere/x.csv.gz"));
    }
}
