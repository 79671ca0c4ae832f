using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CostSync.OciEmulator.Tree;

/// <summary>
/// Builds gzip'd CSV report content with OCI's real headers and their quirks: FOCUS reports start with a UTF-8 byte order mark
/// and name <c>PricingCurrencyEffectiveCost </c> with a trailing space (where in the column order it sits is assumed:
/// alphabetical, like the FOCUS columns around it); cost reports end with free-form <c>tags/…</c> columns.
/// </summary>
internal static class ReportCsv
{
    /// <summary>OCI's FOCUS 1.0 columns (FOCUS's, then OCI's <c>oci_*</c> extensions), as in its reports.</summary>
    public const string FocusHeader =
        "AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,BillingPeriodStart," +
        "ChargeCategory,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,ChargeSubcategory," +
        "CommitmentDiscountCategory,CommitmentDiscountId,CommitmentDiscountName,CommitmentDiscountType,EffectiveCost,InvoiceIssuer," +
        "ListCost,ListUnitPrice,PricingCategory,PricingCurrencyEffectiveCost ,PricingQuantity,PricingUnit,Provider,Publisher,Region," +
        "ResourceId,ResourceName,ResourceType,ServiceCategory,ServiceName,SkuId,SkuPriceId,SubAccountId,SubAccountName,Tags," +
        "UsageQuantity,UsageUnit,oci_ReferenceNumber,oci_CompartmentId,oci_CompartmentName,oci_OverageFlag,oci_UnitPriceOverage," +
        "oci_BilledQuantityOverage,oci_CostOverage,oci_AttributedUsage,oci_AttributedCost,oci_BackReferenceNumber";

    /// <summary>OCI's proprietary cost report columns, with two of the <c>tags/…</c> columns a tenancy's tags add.</summary>
    public const string CostHeader =
        "lineItem/referenceNo,lineItem/tenantId,lineItem/intervalUsageStart,lineItem/intervalUsageEnd,product/service," +
        "product/resource,product/compartmentId,product/compartmentName,product/region,product/availabilityDomain," +
        "product/resourceId,usage/billedQuantity,usage/billedQuantityOverage,cost/subscriptionId,cost/productSku," +
        "product/Description,cost/unitPrice,cost/unitPriceOverage,cost/myCost,cost/myCostOverage,cost/currencyCode," +
        "cost/billingUnitReadable,cost/skuUnitDescription,cost/overageFlag,lineItem/isCorrection,lineItem/backreferenceNo," +
        "tags/Oracle-Tags.CreatedBy,tags/Oracle-Tags.CreatedOn";

    private static readonly string[] Services = ["COMPUTE", "BLOCK_STORAGE", "OBJECT_STORAGE", "NETWORK", "DATABASE"];

    public static byte[] Focus(Random random, string tenancyId, DateTimeOffset day, int rows) =>
        Gzip(FocusText(random, tenancyId, day, rows, FocusHeader), byteOrderMark: true);

    /// <summary>The CSV text of a FOCUS report with <paramref name="header"/> (no byte order mark), for tests that vary it.</summary>
    public static string FocusText(Random random, string tenancyId, DateTimeOffset day, int rows, string header)
    {
        var csv = new StringBuilder(header).Append('\n');
        var account = random.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        for (int i = 0; i < rows; i++)
        {
            string service = Services[random.Next(Services.Length)];
            string cost = Math.Round((decimal)random.NextDouble() * 40m, 6).ToString(CultureInfo.InvariantCulture);
            string quantity = random.Next(1, 500).ToString(CultureInfo.InvariantCulture);
            DateTimeOffset start = day.AddHours(random.Next(24));
            string[] fields =
            [
                $"US-ASHBURN-AD-{random.Next(1, 4)}", cost, account, string.Empty, "USD", Day(day, 28), Day(day, 1),
                "Usage", $"{service} usage", "Usage-Based", Minute(start.AddHours(1)), Minute(start), string.Empty,
                string.Empty, string.Empty, string.Empty, string.Empty, cost, "Oracle",
                cost, Math.Round(decimal.Parse(cost, CultureInfo.InvariantCulture) / 10, 6).ToString(CultureInfo.InvariantCulture), "Standard", cost, quantity, "Hours", "Oracle", "Oracle", "us-ashburn-1",
                $"ocid1.instance.oc1.iad.{random.Next():x8}", $"vm-{i}", "Instance", "Compute", service, $"B{random.Next(90000, 99999)}", string.Empty, tenancyId, $"team-{random.Next(5)}", "\"{\"\"team\"\":\"\"finops\"\"}\"",
                quantity, "Hours", random.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture), $"ocid1.compartment.oc1..{random.Next():x8}", "finops", string.Empty, string.Empty,
                string.Empty, string.Empty, quantity, cost, string.Empty,
            ];
            csv.AppendJoin(',', fields).Append('\n');
        }

        return csv.ToString();
    }

    public static byte[] Cost(Random random, string tenancyId, DateTimeOffset interval, int rows)
    {
        var csv = new StringBuilder(CostHeader).Append('\n');
        for (int i = 0; i < rows; i++)
        {
            string service = Services[random.Next(Services.Length)];
            decimal cost = Math.Round((decimal)random.NextDouble() * 12m, 6);
            csv.Append(CultureInfo.InvariantCulture, $"{random.Next(100000, 999999)},{tenancyId},{interval:yyyy-MM-ddTHH:mmZ},{interval.AddHours(1):yyyy-MM-ddTHH:mmZ},")
               .Append(CultureInfo.InvariantCulture, $"{service},PIC_{service}_STANDARD,ocid1.compartment.oc1..{random.Next():x8},finops,IAD,AD-1,")
               .Append(CultureInfo.InvariantCulture, $"ocid1.instance.oc1.iad.{random.Next():x8},{random.Next(1, 60)},,{random.Next(1000000, 9999999)},B{random.Next(90000, 99999)},")
               .Append(CultureInfo.InvariantCulture, $"{service} - Standard,{Math.Round(cost / 10, 6)},,{cost},,USD,ONE HOUR,OCPU Per Hour,,false,,")
               .Append(CultureInfo.InvariantCulture, $"oracleidentitycloudservice/user{random.Next(9)}@example.com,{interval:yyyy-MM-ddTHH:mm:ss.fffZ}\n");
        }

        return Gzip(csv.ToString(), byteOrderMark: false);
    }

    /// <summary>gzip of <paramref name="text"/> as UTF-8, optionally after a byte order mark.</summary>
    public static byte[] Gzip(string text, bool byteOrderMark)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            if (byteOrderMark)
            {
                gzip.Write(Encoding.UTF8.Preamble);
            }

            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static string Day(DateTimeOffset day, int dayOfMonth) => string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM}-{dayOfMonth:D2}T00:00Z");

    private static string Minute(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);
}
