namespace CostSync.Sync.Destinations.S3;

/// <summary>
/// CostSync's back-off from a throttling S3: a limit on the S3 requests of one run in flight at once, that starts at
/// <see cref="Maximum"/>, halves when S3 answers 503 (<c>SlowDown</c>) or 429 (once per round: answers to requests sent before
/// the last cut do not cut again), and grows by one after as many successes as the limit among requests sent since the last cut
/// (additive increase, multiplicative decrease, as TCP does). A request waits for a free place before it is sent; the SDK's own retries wait too.
/// </summary>
internal sealed class S3RequestGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<int>> _waiting = new();
    private readonly Action<int, int, int>? _cut;
    private int _limit;
    private int _lowest;
    private int _inFlight;
    private int _successes;
    private int _round;

    /// <param name="maximum">The limit before any throttling, and the most it grows back to.</param>
    /// <param name="cut">Called (status, previous limit, new limit) when a throttling answer lowers the limit.</param>
    public S3RequestGate(int maximum, Action<int, int, int>? cut = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, 1);
        Maximum = maximum;
        _limit = _lowest = maximum;
        _cut = cut;
    }

    public int Maximum { get; }

    /// <summary>The current limit.</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    /// <summary>The lowest the limit has been.</summary>
    public int Lowest
    {
        get
        {
            lock (_lock)
            {
                return _lowest;
            }
        }
    }

    /// <summary>Requests waiting for a place.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count(w => !w.Task.IsCompleted);
            }
        }
    }

    /// <summary>Waits for a place; the returned lease must be completed with the answer's status (or disposed without one).</summary>
    public async Task<S3RequestLease> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<int> wait;
        lock (_lock)
        {
            if (_inFlight < _limit && _waiting.Count == 0)
            {
                _inFlight++;
                return new S3RequestLease(this, _round);
            }

            wait = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(wait);
        }

        try
        {
            return new S3RequestLease(this, await wait.Task.WaitAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                if (!wait.TrySetCanceled(cancellationToken))
                {
                    // The place was granted as the wait was cancelled: give it back.
                    _inFlight--;
                    GrantLocked();
                }
            }

            throw;
        }
    }

    internal void Complete(int round, int? status)
    {
        (int Previous, int Limit)? cut = null;
        lock (_lock)
        {
            _inFlight--;
            if (status is 503 or 429)
            {
                if (round == _round)
                {
                    cut = (_limit, Math.Max(1, _limit / 2));
                    _limit = cut.Value.Limit;
                    _lowest = Math.Min(_lowest, _limit);
                    _successes = 0;
                    _round++;
                }
            }
            else if (status is >= 200 and < 400 && round == _round && ++_successes >= _limit)
            {
                _successes = 0;
                _limit = Math.Min(Maximum, _limit + 1);
            }

            GrantLocked();
        }

        if (cut is { } c)
        {
            _cut?.Invoke(status!.Value, c.Previous, c.Limit);
        }
    }

    private void GrantLocked()
    {
        while (_inFlight < _limit && _waiting.TryDequeue(out var next))
        {
            if (next.TrySetResult(_round))
            {
                _inFlight++;
            }
        }
    }
}
