using System.Collections.Concurrent;
using System.Globalization;
using CostSync.Sync.Destinations;

namespace CostSync.Sync.Ledger;

/// <summary>
/// Objects under the prefix already found (by one HEAD) to carry no CostSync metadata, so a long-running daemon does not HEAD another
/// team's files every run. Keyed by destination, key, size, ETag and modification time: a replaced object is looked at again.
/// </summary>
internal sealed class ForeignObjectMemo
{
    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    public bool Knows(IDestination destination, DestinationObject listed) => _known.ContainsKey(Id(destination, listed));

    public void Remember(IDestination destination, DestinationObject listed)
    {
        if (_known.Count < Capacity)
        {
            _known.TryAdd(Id(destination, listed), 0);
        }
    }

    private static string Id(IDestination destination, DestinationObject o) =>
        string.Create(CultureInfo.InvariantCulture, $"{destination.Description}\n{o.Key}\n{o.Size}\n{o.ETag}\n{o.LastModified:O}");
}
