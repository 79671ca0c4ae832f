using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Sync.Planning;

/// <summary>Lists source and destination, reads the ledger and classifies every object, logging a reason for each.</summary>
internal sealed class SyncPlanner(
    IObjectStorageClient source,
    LedgerStore ledger,
    IOptions<SourceOptions> sourceOptions,
    IOptions<DestinationOptions> destinationOptions,
    ILogger<SyncPlanner> logger)
{
    private readonly NameFilter _filter = new(sourceOptions.Value.Include, sourceOptions.Value.Exclude);

    public async Task<PlanOutcome> PlanAsync(IDestination destination, RunScope scope, CancellationToken cancellationToken)
    {
        var allSourceNames = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<ObjectSummary>();
        await foreach (var o in source.ListObjectsAsync(new ListObjectsRequest(scope.Namespace, scope.Bucket), cancellationToken))
        {
            allSourceNames.Add(o.Name);
            if (_filter.Passes(o.Name))
            {
                sources.Add(o);
            }
        }

        var existing = new Dictionary<string, DestinationObject>(StringComparer.Ordinal);
        await foreach (var o in destination.ListObjectsAsync(scope.Layout.ListPrefix, cancellationToken))
        {
            if (scope.Layout.NameOf(o.Key) is not null)
            {
                existing[o.Key] = o;
            }
        }

        var snapshot = await ledger.ReadAsync(destination, scope.Layout, [.. existing.Values], cancellationToken);
        var items = new List<PlannedItem>(sources.Count);
        foreach (var s in sources)
        {
            var key = scope.Layout.KeyFor(s.Name);
            var (action, reason) = PlanClassifier.Classify(s, existing.GetValueOrDefault(key), snapshot.Latest.GetValueOrDefault(key));
            Log.PlanDecision(logger, s.Name, action, reason);
            items.Add(new PlannedItem(s.Name, key, action, reason, s));
        }

        if (destinationOptions.Value.Mode == DestinationMode.Mirror)
        {
            foreach (var o in existing.Values)
            {
                var name = scope.Layout.NameOf(o.Key)!;
                if (!allSourceNames.Contains(name) && _filter.Passes(name))
                {
                    const string Reason = "source is gone (Mirror mode)";
                    Log.PlanDecision(logger, name, PlannedAction.Delete, Reason);
                    items.Add(new PlannedItem(name, o.Key, PlannedAction.Delete, Reason, null));
                }
            }
        }

        var newest = sources.Max(s => s.TimeCreated);
        return new PlanOutcome(new SyncPlan(items, newest), snapshot, allSourceNames.Count, existing.Count);
    }
}
