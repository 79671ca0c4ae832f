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
    private readonly ConcurrentDictionary<string, ObjectHold> _holds = new(StringComparer.Ordinal);
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

    /// <summary>Holds every GetObject of <paramref name="objectName"/> before its response starts until the returned hold is released.</summary>
    public ObjectHold HoldGets(string objectName) => _holds.GetOrAdd(objectName, name => new ObjectHold(name));

    /// <summary>Invalidates every federation and session token issued so far.</summary>
    public void ExpireAllTokens() => tokens.ExpireAll();

    /// <summary>Issues a new instance leaf certificate and key; the old leaf no longer federates.</summary>
    public void RotateInstanceCertificate() => authority.Value.RotateLeaf();

    /// <summary>Clears failure rules, truncations, flips and latency, and releases every hold.</summary>
    public void Reset()
    {
        foreach (ObjectHold hold in _holds.Values)
        {
            hold.Release();
        }

        _holds.Clear();
        _failures.Clear();
        _truncations.Clear();
        _flips.Clear();
        Latency = TimeSpan.Zero;
    }

    internal bool ShouldFail(string operation, out HttpStatusCode status)
    {
        foreach (FailureRule rule in _failures)
        {
            if (rule.Hit(operation))
            {
                status = rule.Status;
                return true;
            }
        }

        status = default;
        return false;
    }

    internal ObjectHold? HoldFor(string objectName) => _holds.GetValueOrDefault(objectName);

    internal bool TakeTruncation(string operation) => Take(_truncations, operation);

    internal bool TakeFlip(string operation) => Take(_flips, operation);

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
