using System.Globalization;
using CostSync.Oci.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Oci.Http;

/// <summary>
/// Compares this machine's clock with the <c>Date</c> of OCI's answers. OCI refuses signatures dated more than
/// 5 minutes off, and no token refresh can fix that, so a skewed clock is reported once (naming the clock and the fix)
/// and callers stop refreshing over it.
/// </summary>
internal sealed class ClockSkewMonitor(TimeProvider time, ILogger<ClockSkewMonitor> logger)
{
    /// <summary>The largest difference OCI accepts between a request's date and its own clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private int _reported;

    /// <summary>True when <paramref name="response"/>'s <c>Date</c> shows the local clock more than 5 minutes off; logs that once per episode.</summary>
    public bool IsClockOff(HttpResponseMessage response)
    {
        if (response.Headers.Date is not { } serviceDate)
        {
            return false;
        }

        TimeSpan skew = time.GetUtcNow() - serviceDate;
        if (skew.Duration() <= Tolerance)
        {
            Interlocked.Exchange(ref _reported, 0);
            return false;
        }

        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            Log.ClockSkew(logger, Describe(skew), response.RequestMessage?.RequestUri?.Host ?? "OCI", serviceDate);
        }

        return true;
    }

    /// <summary>"12 minutes ahead of" / "3 hours behind", for messages.</summary>
    public static string Describe(TimeSpan skew)
    {
        TimeSpan size = skew.Duration();
        string amount = size >= TimeSpan.FromHours(2)
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(size.TotalHours)} hours")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(size.TotalMinutes)} minutes");
        return $"{amount} {(skew > TimeSpan.Zero ? "ahead of" : "behind")}";
    }
}
