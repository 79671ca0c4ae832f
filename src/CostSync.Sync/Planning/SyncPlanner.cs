using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Sync.Planning;

/// <summary>
/// Lists source and destination (once each; the destination listing also finds the ledger), reads the ledger, adopts unrecorded
/// CostSync objects, and classifies every object, logging a reason for each. Objects CostSync did not write are never planned for
/// deletion or overwrite.
/// </summary>
internal sealed class SyncPlanner(
    IObjectStorageClient source,
    LedgerReader ledgerReader,
    ObjectAdopter adopter,
    IOptions<SourceOptions> sourceOptions,
    IOptions<DestinationOptions> destinationOptions,
    ILogger<SyncPlanner> logger)
{
    private readonly NameFilter _filter = new(sourceOptions.Value.Include, sourceOptions.Value.Exclude);

    public async Task<PlanOutcome> PlanAsync(IDestination destination, RunScope scope, string runId, CancellationToken cancellationToken)
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

        var layout = scope.Layout;
        var existing = new Dictionary<string, DestinationObject>(StringComparer.Ordinal);
        var ledgerObjects = new List<DestinationObject>();
        await foreach (var o in destination.ListObjectsAsync(layout.ListPrefix, cancellationToken))
        {
            if (layout.NameOf(o.Key) is not null)
            {
                existing[o.Key] = o;
            }
            else if (layout.IsLedgerObject(o.Key))
            {
                ledgerObjects.Add(o);
            }
        }

        var ledger = await ledgerReader.ReadAsync(destination, layout, LedgerFiles.From(layout, ledgerObjects), cancellationToken);
        var adoption = await adopter.AdoptAsync(destination, layout, existing.Values, ledger, runId, cancellationToken);
        foreach (var entry in adoption.Adopted)
        {
            ledger.Apply(entry);
        }

        foreach (var key in adoption.Vanished)
        {
            existing.Remove(key);
        }

        var items = new List<PlannedItem>(sources.Count);
        foreach (var s in sources)
        {
            var key = layout.KeyFor(s.Name);
            var listed = existing.GetValueOrDefault(key);
            var (action, reason) = PlanClassifier.Classify(s, listed, adoption.Foreign.Contains(key) ? null : ledger.Find(key));
            Log.PlanDecision(logger, s.Name, action, reason);
            items.Add(new PlannedItem(s.Name, key, action, reason, s) { Existing = listed });
        }

        var ours = existing.Keys.Where(k => !adoption.Foreign.Contains(k) && ledger.Find(k) is not null).ToHashSet(StringComparer.Ordinal);
        if (destinationOptions.Value.Mode == DestinationMode.Mirror)
        {
            items.AddRange(MirrorItems(layout, existing.Values, allSourceNames, ours));
        }

        var newest = sources.Max(s => s.TimeCreated);
        return new PlanOutcome(new SyncPlan(items, newest), ledger, adoption.Adopted, allSourceNames.Count, ours.Count);
    }

    /// <summary>Objects whose source is gone: deleted when CostSync wrote them, listed as left alone when it did not.</summary>
    private IEnumerable<PlannedItem> MirrorItems(KeyLayout layout, IEnumerable<DestinationObject> existing, HashSet<string> allSourceNames, HashSet<string> ours)
    {
        foreach (var o in existing)
        {
            var name = layout.NameOf(o.Key)!;
            if (allSourceNames.Contains(name) || !_filter.Passes(name))
            {
                continue;
            }

            var (action, reason) = ours.Contains(o.Key)
                ? (PlannedAction.Delete, "source is gone (Mirror mode)")
                : (PlannedAction.LeaveAlone, "not ours, left alone: no ledger entry and no costsync-* metadata, so Mirror mode does not delete it");
            Log.PlanDecision(logger, name, action, reason);
            yield return new PlannedItem(name, o.Key, action, reason, null) { Existing = o };
        }
    }
}
