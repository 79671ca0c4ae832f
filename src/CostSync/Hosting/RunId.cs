using System.Globalization;
using System.Security.Cryptography;

namespace CostSync.Hosting;

/// <summary>Short, sortable run ids: UTC start time plus 4 random hex digits, e.g. <c>20261124T2253Z-3f9a</c>.</summary>
internal static class RunId
{
    public static string New(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMdd'T'HHmmss}Z-{RandomNumberGenerator.GetHexString(4, lowercase: true)}");
}
