namespace CostSync.OciEmulator.Requests;

/// <summary>Thread-safe record of every request the emulator answered.</summary>
internal sealed class RequestLog
{
    private readonly Lock _lock = new();
    private readonly List<RequestLogEntry> _entries = [];

    /// <summary>A snapshot of the entries, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>How many requests had the given operation name (see <see cref="Operations"/>).</summary>
    public int Count(string operation)
    {
        lock (_lock)
        {
            return _entries.Count(e => string.Equals(e.Operation, operation, StringComparison.Ordinal));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
        }
    }
}
