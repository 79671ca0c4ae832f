using System.Globalization;
using System.Security.Cryptography;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Logging;
using CostSync.Sync.Planning;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Ledger;

/// <summary>
/// One run's ledger output: entries wait in memory and are written as new, never rewritten segment objects
/// (<c>ledger/&lt;yyyy&gt;/&lt;run-id&gt;-&lt;writer&gt;-&lt;n&gt;.jsonl</c>) once <see cref="LedgerSettings.FlushEveryEntries"/> are waiting,
/// <see cref="LedgerSettings.FlushInterval"/> after the first began waiting, and at <see cref="CompleteAsync"/>. A failed write keeps
/// its entries for the next one. Two processes never write the same key: the writer part is random per run.
/// </summary>
internal sealed class LedgerWriter : IAsyncDisposable
{
    private readonly IDestination _destination;
    private readonly KeyLayout _layout;
    private readonly string _runId;
    private readonly LedgerSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _writer = RandomNumberGenerator.GetHexString(4, lowercase: true);
    private readonly Lock _lock = new();
    private readonly List<LedgerEntry> _pending = [];
    private readonly List<LedgerEntry> _written = [];
    private readonly List<string> _segments = [];
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly ITimer _timer;
    private Task _timerFlush = Task.CompletedTask;
    private int _sequence;
    private Exception? _lastFailure;

    public LedgerWriter(IDestination destination, KeyLayout layout, string runId, LedgerSettings settings, TimeProvider timeProvider, ILogger logger)
    {
        _destination = destination;
        _layout = layout;
        _runId = runId;
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
        _timer = timeProvider.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Segment keys written so far.</summary>
    public IReadOnlyList<string> Segments
    {
        get
        {
            lock (_lock)
            {
                return [.. _segments];
            }
        }
    }

    /// <summary>Entries written so far (in segments that exist).</summary>
    public IReadOnlyList<LedgerEntry> Written
    {
        get
        {
            lock (_lock)
            {
                return [.. _written];
            }
        }
    }

    /// <summary>Why the last segment write failed (kept until a later write succeeds), for the run's error code.</summary>
    public Exception? LastFailure
    {
        get
        {
            lock (_lock)
            {
                return _lastFailure;
            }
        }
    }

    /// <summary>Queues an entry; writes a segment first when enough are waiting.</summary>
    public async Task AddAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        bool full;
        lock (_lock)
        {
            _pending.Add(entry);
            full = _pending.Count >= _settings.FlushEveryEntries;
            if (_pending.Count == 1 && !full)
            {
                _timer.Change(_settings.FlushInterval, Timeout.InfiniteTimeSpan);
            }
        }

        if (full)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes what is waiting; returns <see langword="null"/> when everything was written, otherwise why not.</summary>
    public async Task<string?> CompleteAsync(CancellationToken cancellationToken)
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Task timerFlush;
        lock (_lock)
        {
            timerFlush = _timerFlush;
        }

        await timerFlush;
        await FlushAsync(cancellationToken);
        lock (_lock)
        {
            return _pending.Count == 0 ? null : $"{_pending.Count} ledger entries could not be written under {_layout.LedgerFolder}: {_lastFailure?.Message}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        Task timerFlush;
        lock (_lock)
        {
            timerFlush = _timerFlush;
        }

        await timerFlush;
        _flushing.Dispose();
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            var previous = _timerFlush;
            _timerFlush = Task.Run(async () =>
            {
                await previous;
                await FlushAsync(CancellationToken.None);
            });
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            List<LedgerEntry> batch;
            int sequence;
            lock (_lock)
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                batch = [.. _pending];
                _pending.Clear();
                sequence = ++_sequence; // a new key per attempt: a write that failed late may still have landed
            }

            if (batch.Count == 0)
            {
                return;
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"{_layout.LedgerFolder}{_timeProvider.GetUtcNow().UtcDateTime:yyyy}/{_runId}-{_writer}-{sequence:D4}.jsonl");
            try
            {
                var content = LedgerLines.Write(batch);
                await _destination.PutObjectAsync(key, content, Convert.ToBase64String(Md5Digests.Hash(content)), new Dictionary<string, string>(), WriteKind.Internal, cancellationToken);
                lock (_lock)
                {
                    _written.AddRange(batch);
                    _segments.Add(key);
                    _lastFailure = null;
                }

                Log.LedgerSegmentWritten(_logger, key, batch.Count);
            }
            catch (Exception e)
            {
                lock (_lock)
                {
                    _pending.InsertRange(0, batch);
                    _lastFailure = e;
                    _timer.Change(_settings.FlushInterval, Timeout.InfiniteTimeSpan);
                }

                if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                Log.LedgerSegmentFailed(_logger, key, batch.Count, e.Message);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }
}
