using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace CostSync.Hosting;

/// <summary>
/// Sends <c>WATCHDOG=1</c> at half the <c>WatchdogSec</c> interval. Microsoft.Extensions.Hosting.Systemd sends
/// READY/STOPPING but has no watchdog support, so this small service does it through the same notifier.
/// </summary>
internal sealed class SystemdWatchdog(ISystemdNotifier notifier, TimeProvider timeProvider) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    /// <summary>Half the interval systemd asks for, or null when no watchdog is configured for this process.</summary>
    public static TimeSpan? GetPingInterval()
    {
        var usec = Environment.GetEnvironmentVariable("WATCHDOG_USEC");
        var pid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (!long.TryParse(usec, NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros) || micros <= 0)
        {
            return null;
        }

        if (pid is { Length: > 0 } && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(micros / 2);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || GetPingInterval() is not { } interval)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                notifier.Notify(Ping);
                await Task.Delay(interval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: systemd no longer expects pings.
        }
    }
}
