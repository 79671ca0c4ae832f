using CostSync.Sync.Validation;
using Xunit;

namespace CostSync.Tests.Sync.Validation;

public sealed class ReportFamiliesTests
{
    private static readonly string[] Cost = ["lineItem/referenceNo", "lineItem/tenantId", "lineItem/intervalUsageStart", "lineItem/intervalUsageEnd", "product/service", "product/resourceId", "cost/myCost"];

    [Fact]
    public void Fingerprint_OnlyTagColumnsDiffer_IsTheSame()
    {
        Assert.Equal(
            ReportFamilies.Fingerprint([.. Cost, "tags/Oracle-Tags.CreatedBy"]),
            ReportFamilies.Fingerprint([.. Cost, "tags/Finance.CostCenter", "tags/Oracle-Tags.CreatedOn"]));
    }

    [Fact]
    public void Fingerprint_OrderOrTrailingSpaceDiffers_Differs()
    {
        var fingerprint = ReportFamilies.Fingerprint(Cost);

        Assert.NotEqual(fingerprint, ReportFamilies.Fingerprint([.. Cost.Reverse()]));
        Assert.NotEqual(fingerprint, ReportFamilies.Fingerprint([.. Cost[..^1], "cost/myCost "]));
        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
    }

    [Theory]
    // names are compared trimmed and, for OCI's own format, case-insensitively
    [InlineData("lineItem/referenceNo,lineItem/TenantId,lineItem/intervalUsageStart,lineItem/intervalUsageEnd,product/service,product/resourceId,cost/myCost", ReportFamily.OciCost)]
    [InlineData("lineItem/referenceNo,lineItem/tenantId,lineItem/intervalUsageStart,lineItem/intervalUsageEnd,product/service,product/resourceId,usage/consumedQuantity", ReportFamily.OciUsage)]
    [InlineData(" BilledCost ,BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd", ReportFamily.Focus)]
    public void Recognize_KnownHeaders_NameTheirFamily(string header, ReportFamily family)
    {
        Assert.Equal((family, null), ReportFamilies.Recognize(header.Split(',')));
    }

    [Fact]
    public void Recognize_OciHeaderWithoutCostOrUsageColumns_SaysWhichAreMissing()
    {
        var (family, problem) = ReportFamilies.Recognize(["lineItem/referenceNo", "product/service"]);

        Assert.Null(family);
        Assert.Equal("an OCI cost/usage report header without lineItem/tenantId, lineItem/intervalUsageStart, lineItem/intervalUsageEnd, product/resourceId", problem);
    }
}
