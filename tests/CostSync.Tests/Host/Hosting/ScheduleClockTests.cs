using CostSync.Configuration;
using CostSync.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Host.Hosting;

public sealed class ScheduleClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 7, 30, 0, TimeSpan.Zero);

    [Theory]
    // default: every 6 hours on the hour (UTC)
    [InlineData("0 */6 * * *", "UTC", "2026-11-24T12:00:00+00:00")]
    // 6 fields with seconds
    [InlineData("30 15 7 * * *", "UTC", "2026-11-25T07:15:30+00:00")]
    // read in a time zone: 09:00 in Berlin is 08:00 UTC in November
    [InlineData("0 9 * * *", "Europe/Berlin", "2026-11-24T08:00:00+00:00")]
    public void NextRun_Expression_IsNextOccurrence(string cron, string zone, string expected)
    {
        var sut = CreateSut(cron, zone);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), sut.NextRun!.Value.ToUniversalTime());
    }

    [Theory]
    // never ran: run at once
    [InlineData(null, true)]
    // last success 1 hour ago (interval 6 hours): wait for the tick
    [InlineData(1.0, false)]
    // 5h59m ago: still within one interval
    [InlineData(5.98, false)]
    // 7 hours ago (VM was down over a tick): catch up
    [InlineData(7.0, true)]
    public void IsCatchUpDue_LastSuccessAge_ComparedWithOneInterval(double? hoursAgo, bool expected)
    {
        var sut = CreateSut("0 */6 * * *", "UTC");

        Assert.Equal(expected, sut.IsCatchUpDue(hoursAgo is { } h ? Now.AddHours(-h) : null));
    }

    private static ScheduleClock CreateSut(string cron, string zone) =>
        new(Options.Create(new ScheduleOptions { Cron = cron, TimeZone = zone }), new FakeTimeProvider(Now));
}
