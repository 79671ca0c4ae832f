using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CostSync.Tests.Host.Support;

/// <summary>A <see cref="FakeTimeProvider"/> that reports every timer created with a finite due time (a <c>Task.Delay</c> the code is now waiting on).</summary>
internal sealed class SignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Due times this long are run timeouts, not schedule waits.</summary>
    public TimeSpan IgnoredDueTime { get; set; } = TimeSpan.FromHours(12);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime != IgnoredDueTime)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>Waits until the code under test starts waiting; returns how long it waits for.</summary>
    public ValueTask<TimeSpan> NextWaitAsync(CancellationToken cancellationToken) => _timers.Reader.ReadAsync(cancellationToken);
}
