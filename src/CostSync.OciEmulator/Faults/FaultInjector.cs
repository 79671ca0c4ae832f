using System.Collections.Concurrent;
using System.Net;
using CostSync.OciEmulator.Identity;

namespace CostSync.OciEmulator.Faults;

/// <summary>Fault knobs for resilience tests. Thread-safe.</summary>
internal sealed class FaultInjector(TokenIssuer tokens, Lazy<CertificateAuthority> authority)
{
    private readonly ConcurrentQueue<FailureRule> _failures = new();
    private readonly ConcurrentDictionary<string, int> _truncations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _flips = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _stalls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ObjectHold> _holds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action> _beforeRead = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<NthRequestHold> _nthHolds = new();
    private RandomFaultRule? _random;
    private long _latencyTicks;

    /// <summary>Delay added before every request is handled (real time). <value>Default zero.</value></summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Answers every <paramref name="n"/>-th request (of <paramref name="operation"/>, or of all) with <paramref name="status"/>;
    /// 429 and 503 carry <c>Retry-After: 0</c>.</summary>
    public void FailEveryNth(int n, HttpStatusCode status, string? operation = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _failures.Enqueue(new FailureRule(n, status, operation));
    }

    /// <summary>The next <paramref name="count"/> responses of <paramref name="operation"/> send half the bytes announced by Content-Length, then close the connection.</summary>
    public void TruncateBodies(int count, string operation = Operations.GetObject) => _truncations.AddOrUpdate(operation, count, (_, c) => c + count);

    /// <summary>The next <paramref name="count"/> responses of <paramref name="operation"/> have one byte flipped (length unchanged).</summary>
    public void FlipByte(int count, string operation = Operations.GetObject) => _flips.AddOrUpdate(operation, count, (_, c) => c + count);

    /// <summary>The next <paramref name="count"/> responses of <paramref name="operation"/> send half the body, then nothing more while the connection stays open (until the client gives up).</summary>
    public void StallBodies(int count, string operation = Operations.GetObject) => _stalls.AddOrUpdate(operation, count, (_, c) => c + count);

    /// <summary>
    /// From now on, a share <paramref name="probability"/> of the requests of <paramref name="operations"/> (all when none are
    /// named) get one of <paramref name="kinds"/>, chosen by a generator seeded with <paramref name="seed"/>: 429 or 503 (with
    /// <c>Retry-After: 0</c>), a connection reset before the answer, or (for object bodies) a reset, truncation, flipped byte or
    /// stall halfway through. Replaces an earlier random rule; the request log records every injected fault.
    /// </summary>
    public void FailRandomly(double probability, int seed, IReadOnlyList<InjectedFault> kinds, params string[] operations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        if (kinds.Count == 0 || kinds.Contains(InjectedFault.None) || kinds.Contains(InjectedFault.Status))
        {
            throw new ArgumentException("Name at least one fault other than None and Status.", nameof(kinds));
        }

        Volatile.Write(ref _random, new RandomFaultRule(probability, seed, kinds, operations.Length == 0 ? null : operations.ToHashSet(StringComparer.Ordinal)));
    }

    /// <summary>
    /// Runs <paramref name="action"/> once, when the first HeadObject or GetObject of <paramref name="objectName"/> arrives and
    /// before it is answered: e.g. remove the object (a 404 for a listed object) or replace it (a new ETag, so If-Match fails).
    /// </summary>
    public void BeforeFirstRead(string objectName, Action action) => _beforeRead[objectName] = action;

    /// <summary>Holds every GetObject of <paramref name="objectName"/> before its response starts until the returned hold is released.</summary>
    public ObjectHold HoldGets(string objectName) => _holds.GetOrAdd(objectName, name => new ObjectHold(name));

    /// <summary>Holds the <paramref name="nth"/> request of <paramref name="operation"/> (counted from now, from 1), before it is handled, until released.</summary>
    public ObjectHold HoldNth(string operation, int nth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nth, 1);
        var rule = new NthRequestHold(operation, nth);
        _nthHolds.Enqueue(rule);
        return rule.Hold;
    }

    /// <summary>Invalidates every federation and session token issued so far.</summary>
    public void ExpireAllTokens() => tokens.ExpireAll();

    /// <summary>Issues a new instance leaf certificate and key; the old leaf no longer federates.</summary>
    public void RotateInstanceCertificate() => authority.Value.RotateLeaf();

    /// <summary>Clears failure rules (every-Nth and random), truncations, flips, stalls, read actions and latency, and releases every hold (per object and Nth-request).</summary>
    public void Reset()
    {
        foreach (ObjectHold hold in _holds.Values)
        {
            hold.Release();
        }

        _holds.Clear();
        while (_nthHolds.TryDequeue(out NthRequestHold? rule))
        {
            rule.Hold.Release();
        }

        _failures.Clear();
        _truncations.Clear();
        _flips.Clear();
        _stalls.Clear();
        _beforeRead.Clear();
        Volatile.Write(ref _random, null);
        Latency = TimeSpan.Zero;
    }

    /// <summary>The fault for one request, decided when it arrives: an every-Nth rule first, then the random rule.</summary>
    internal InjectedFault Decide(string operation, out HttpStatusCode status)
    {
        foreach (FailureRule rule in _failures)
        {
            if (rule.Hit(operation))
            {
                status = rule.Status;
                return status switch
                {
                    HttpStatusCode.TooManyRequests => InjectedFault.TooManyRequests,
                    HttpStatusCode.ServiceUnavailable => InjectedFault.ServiceUnavailable,
                    _ => InjectedFault.Status,
                };
            }
        }

        InjectedFault picked = Volatile.Read(ref _random)?.Pick(operation) ?? InjectedFault.None;
        status = picked switch
        {
            InjectedFault.TooManyRequests => HttpStatusCode.TooManyRequests,
            InjectedFault.ServiceUnavailable => HttpStatusCode.ServiceUnavailable,
            _ => default,
        };
        return picked;
    }

    /// <summary>Runs and forgets the action registered for the first read of <paramref name="objectName"/>, if any.</summary>
    internal void BeforeRead(string objectName)
    {
        if (_beforeRead.TryRemove(objectName, out Action? action))
        {
            action();
        }
    }

    internal ObjectHold? HoldFor(string objectName) => _holds.GetValueOrDefault(objectName);

    /// <summary>Waits while this request is one an <see cref="HoldNth"/> rule holds.</summary>
    internal async Task EnterNthHoldsAsync(string operation, CancellationToken cancellationToken)
    {
        foreach (NthRequestHold rule in _nthHolds)
        {
            await rule.EnterIfNthAsync(operation, cancellationToken);
        }
    }

    internal bool TakeTruncation(string operation) => Take(_truncations, operation);

    internal bool TakeFlip(string operation) => Take(_flips, operation);

    internal bool TakeStall(string operation) => Take(_stalls, operation);

    private static bool Take(ConcurrentDictionary<string, int> counters, string operation)
    {
        while (counters.TryGetValue(operation, out int remaining) && remaining > 0)
        {
            if (counters.TryUpdate(operation, remaining - 1, remaining))
            {
                return true;
            }
        }

        return false;
    }
}
