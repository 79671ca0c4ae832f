using System.Globalization;
using System.Security.Cryptography;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using CostSync.Sync.Planning;

namespace CostSync.Evidence;

/// <summary>
/// Writes a run's evidence next to the archive, <c>&lt;prefix&gt;/.costsync/runs/&lt;yyyy&gt;/&lt;run-id&gt;.json</c> and <c>.md</c>,
/// under the ledger's rules: a new key per run, never rewritten or deleted. A key that is somehow taken already gets a random suffix
/// instead of an overwrite.
/// </summary>
internal static class EvidenceArchive
{
    /// <summary>Writes the JSON, then the Markdown; returns their keys. Throws when the destination refuses (the caller warns).</summary>
    public static async Task<(string Json, string Markdown)> WriteAsync(IDestination destination, KeyLayout layout, string runId, DateTimeOffset startedAt, byte[] json, byte[] markdown, CancellationToken cancellationToken)
    {
        var folder = string.Create(CultureInfo.InvariantCulture, $"{layout.RunsFolder}{startedAt.UtcDateTime:yyyy}/");
        var name = runId;
        if (await destination.HeadObjectAsync($"{folder}{name}.json", cancellationToken) is not null)
        {
            name = $"{runId}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}";
        }

        var jsonKey = $"{folder}{name}.json";
        var markdownKey = $"{folder}{name}.md";
        await PutAsync(destination, jsonKey, json, cancellationToken);
        await PutAsync(destination, markdownKey, markdown, cancellationToken);
        return (jsonKey, markdownKey);
    }

    private static Task<DestinationWriteResult> PutAsync(IDestination destination, string key, byte[] content, CancellationToken cancellationToken) =>
        destination.PutObjectAsync(key, content, Convert.ToBase64String(Md5Digests.Hash(content)), new Dictionary<string, string>(), WriteKind.Internal, cancellationToken);
}
