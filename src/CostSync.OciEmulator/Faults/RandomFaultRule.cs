namespace CostSync.OciEmulator.Faults;

/// <summary>
/// Picks a fault for a share of the requests of some operations, from a seeded generator: the same seed gives the same
/// sequence of choices (which request gets which one depends on the order requests arrive in).
/// </summary>
internal sealed class RandomFaultRule(double probability, int seed, IReadOnlyList<InjectedFault> kinds, IReadOnlySet<string>? operations)
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();

    /// <summary>The fault for this request, or <see cref="InjectedFault.None"/>.</summary>
    public InjectedFault Pick(string operation)
    {
        if (operations is not null && !operations.Contains(operation))
        {
            return InjectedFault.None;
        }

        lock (_lock)
        {
            return _random.NextDouble() < probability ? kinds[_random.Next(kinds.Count)] : InjectedFault.None;
        }
    }
}
