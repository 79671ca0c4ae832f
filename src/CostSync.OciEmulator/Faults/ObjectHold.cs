namespace CostSync.OciEmulator.Faults;

/// <summary>
/// Holds every GetObject of one object before its response starts, until <see cref="Release"/> (or the client gives up), and
/// counts the arrivals, so a test can act while a client is provably in the middle of a run: kill it, or start a second one.
/// </summary>
internal sealed class ObjectHold
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _arrived;

    internal ObjectHold(string objectName) => ObjectName = objectName;

    public string ObjectName { get; }

    /// <summary>GETs that have arrived so far.</summary>
    public int Arrived
    {
        get
        {
            lock (_lock)
            {
                return _arrived;
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> GETs have arrived.</summary>
    public Task WaitForArrivalsAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_arrived >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Lets every held and future GET through.</summary>
    public void Release() => _released.TrySetResult();

    internal async Task EnterAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _arrived++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _arrived).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        await _released.Task.WaitAsync(cancellationToken);
    }
}
