using System.Collections.Concurrent;
using System.Globalization;
using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Ledger;
using CostSync.Sync.Planning;
using Microsoft.Extensions.Options;

namespace CostSync.Sync.Verification;

/// <summary>
/// <c>verify --against-source</c>: lists the source (after the include/exclude filters) and reports the reports it has that the
/// archive does not (with their age) and the archived reports that changed at the source since they were copied.
/// </summary>
internal sealed class SourceComparison(IObjectStorageClient source, IOptions<SourceOptions> sourceOptions, TimeProvider timeProvider)
{
    private readonly NameFilter _filter = new(sourceOptions.Value.Include, sourceOptions.Value.Exclude);

    public async Task<VerifyReport> CompareAsync(
        RunScope scope,
        string namePrefix,
        LedgerState ledger,
        IReadOnlyDictionary<string, DestinationObject> stored,
        IReadOnlyList<LedgerEntry> recorded,
        ConcurrentQueue<VerifyProblem> problems,
        VerifyReport report,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var request = new ListObjectsRequest(scope.Namespace, scope.Bucket) { Prefix = namePrefix.Length == 0 ? null : namePrefix };
        await foreach (var s in source.ListObjectsAsync(request, cancellationToken))
        {
            if (!_filter.Passes(s.Name))
            {
                continue;
            }

            names.Add(s.Name);
            var key = scope.Layout.KeyFor(s.Name);
            if (ledger.Find(key) is { } entry)
            {
                if (PlanClassifier.SourceChange(s, entry) is { } change)
                {
                    problems.Enqueue(new VerifyProblem(VerifyProblemKind.ChangedAtSource, key, $"the source changed since it was archived ({change}; archived {entry.CopiedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)", VerifyFixes.ChangedAtSource));
                }
            }
            else if (!stored.ContainsKey(key))
            {
                // An object at the key without an entry is already reported as unrecorded, or is another writer's.
                var created = s.TimeCreated is { } t ? $"created {t.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, {Age(now - t)} ago" : "creation time unknown";
                problems.Enqueue(new VerifyProblem(VerifyProblemKind.NotArchived, key, $"{s.Name} is in the source ({created}, {s.Size} bytes) but not in the archive", VerifyFixes.NotArchived));
            }
        }

        return report with
        {
            SourceListed = names.Count,
            OnlyInArchive = recorded.Count(e => e.SupersededFrom is null && scope.Layout.NameOf(e.Key) is not null && !names.Contains(e.Name)),
        };
    }

    private static string Age(TimeSpan age) =>
        age.TotalDays >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} days")
        : age.TotalHours >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)age.TotalMinutes)} minutes");
}
