namespace CostSync.Tests.BadInput;

/// <summary>The system clock moved by a fixed offset: an OCI whose clock disagrees with this machine's.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
