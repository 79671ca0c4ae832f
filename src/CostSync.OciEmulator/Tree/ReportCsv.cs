using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CostSync.OciEmulator.Tree;

/// <summary>Builds gzip'd CSV report content with realistic headers.</summary>
internal static class ReportCsv
{
    private const string FocusHeader =
        "AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,BillingPeriodStart," +
        "ChargeCategory,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,ConsumedQuantity,ConsumedUnit," +
        "EffectiveCost,ListCost,ListUnitPrice,PricingQuantity,PricingUnit,ProviderName,PublisherName,Region,ResourceId," +
        "ResourceName,ResourceType,ServiceCategory,ServiceName,SkuId,SubAccountId,SubAccountName,Tags";

    private const string CostHeader =
        "lineItem/referenceNo,lineItem/tenantId,lineItem/intervalUsageStart,lineItem/intervalUsageEnd,product/service," +
        "product/resource,product/compartmentId,product/compartmentName,product/region,product/availabilityDomain," +
        "product/resourceId,usage/billedQuantity,usage/billedQuantityOverage,cost/subscriptionId,cost/productSku," +
        "product/Description,cost/unitPrice,cost/unitPriceOverage,cost/myCost,cost/myCostOverage,cost/currencyCode," +
        "cost/billingUnitReadable,cost/skuUnitDescription,cost/overageFlag,lineItem/isCorrection,lineItem/backreferenceNo";

    private static readonly string[] Services = ["COMPUTE", "BLOCK_STORAGE", "OBJECT_STORAGE", "NETWORK", "DATABASE"];

    /// <summary>A gzip'd FOCUS report; without <paramref name="header"/> a member to append after one that has it (concatenated gzip members are one valid gzip file).</summary>
    public static byte[] Focus(Random random, string tenancyId, DateTimeOffset day, int rows, bool header = true)
    {
        var csv = header ? new StringBuilder(FocusHeader).Append('\n') : new StringBuilder();
        for (int i = 0; i < rows; i++)
        {
            string service = Services[random.Next(Services.Length)];
            decimal cost = Math.Round((decimal)random.NextDouble() * 40m, 6);
            DateTimeOffset start = day.AddHours(random.Next(24));
            csv.Append(CultureInfo.InvariantCulture, $"US-ASHBURN-AD-{random.Next(1, 4)},{cost},{tenancyId},costsync-test,USD,")
               .Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM}-28T00:00Z,{day:yyyy-MM}-01T00:00Z,Usage,{service} usage,Usage-Based,")
               .Append(CultureInfo.InvariantCulture, $"{start.AddHours(1):yyyy-MM-ddTHH:mmZ},{start:yyyy-MM-ddTHH:mmZ},{random.Next(1, 500)},Hours,")
               .Append(CultureInfo.InvariantCulture, $"{cost},{cost},{Math.Round(cost / 10, 6)},{random.Next(1, 500)},Hours,Oracle,Oracle,us-ashburn-1,")
               .Append(CultureInfo.InvariantCulture, $"ocid1.instance.oc1.iad.{random.Next():x8},vm-{i},Instance,Compute,{service},B{random.Next(90000, 99999)},")
               .Append(CultureInfo.InvariantCulture, $"ocid1.compartment.oc1..{random.Next():x8},team-{random.Next(5)},\"{{\"\"team\"\":\"\"finops\"\"}}\"\n");
        }

        return Gzip(csv.ToString());
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
               .Append(CultureInfo.InvariantCulture, $"{service} - Standard,{Math.Round(cost / 10, 6)},,{cost},,USD,ONE HOUR,OCPU Per Hour,,false,\n");
        }

        return Gzip(csv.ToString());
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
