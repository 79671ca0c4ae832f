using System.Text;
using System.Text.Json;
using CostSync.Commands;
using CostSync.Logging;
using CostSync.Sync;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Evidence;

/// <summary>
/// Writes every finished run's evidence (good, partial or failed): to the archive next to the reports, and to the state directory.
/// A failed write is a warning, never a run failure; when the archive cannot be written the state-directory copy says so.
/// </summary>
internal sealed class EvidenceRecorder(EvidenceFacts facts, EvidenceStore store, IOptions<DestinationOptions> destinationOptions, ILogger<EvidenceRecorder> logger)
{
    /// <param name="result">The run's result.</param>
    /// <param name="destination">The run's destination, or <see langword="null"/> when the run never got one (e.g. no credentials).</param>
    /// <param name="nextRun">The next scheduled run.</param>
    /// <param name="cancellationToken">Stops the archive write (the state-directory copy is still written).</param>
    public async Task RecordAsync(SyncRunResult result, IDestination? destination, DateTimeOffset? nextRun, CancellationToken cancellationToken)
    {
        var scope = await facts.GatherAsync(destination, nextRun, cancellationToken);
        var evidence = EvidenceBuilder.Build(result, scope.Origin);
        var problem = destination is null
            ? "the run did not get as far as the destination"
            : scope.Layout is null ? "the tenancy OCID, which names the archive folder (`CostSync:Destination:IncludeTenancyFolder`), could not be read" : null;
        if (problem is null)
        {
            try
            {
                var (jsonKey, markdownKey) = await EvidenceArchive.WriteAsync(destination!, scope.Layout!, result.RunId, result.StartedAt, Json(evidence), Markdown(evidence), cancellationToken);
                Log.EvidenceArchived(logger, result.RunId, jsonKey, markdownKey);
            }
            catch (Exception e)
            {
                problem = e is OperationCanceledException && cancellationToken.IsCancellationRequested
                    ? "CostSync is stopping"
                    : DestinationFailures.Describe(e, destinationOptions.Value);
            }
        }

        if (problem is not null)
        {
            Log.EvidenceNotArchived(logger, result.RunId, problem, store.Folder);
            evidence = evidence with { Warnings = [.. evidence.Warnings, $"This run's evidence could not be written to the archive ({problem}); the copy in the state directory ({store.Folder}) is the only one."] };
        }

        try
        {
            await store.WriteAsync(result.RunId, Json(evidence), Markdown(evidence), CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.EvidenceNotStored(logger, result.RunId, store.Folder, e.Message);
        }
    }

    public static byte[] Json(RunEvidence evidence) => JsonSerializer.SerializeToUtf8Bytes(evidence, CommandJson.Options);

    public static byte[] Markdown(RunEvidence evidence) => Encoding.UTF8.GetBytes(EvidenceMarkdown.Render(evidence));
}
