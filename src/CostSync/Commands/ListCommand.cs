using System.Globalization;
using System.Text.Json;
using CostSync.Formatting;
using CostSync.Logging;
using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Commands;

/// <summary><c>list [--prefix P] [--json]</c>: the source objects as a table or JSON.</summary>
internal sealed class ListCommand(IObjectStorageClient objectStorage, SourceBucketResolver bucket, IOptions<SourceOptions> source, ILogger<ListCommand> logger)
{
    public async Task<int> RunAsync(string? prefix, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var objects = new List<ObjectSummary>();
        try
        {
            var request = new ListObjectsRequest(source.Value.Namespace, await bucket.ResolveAsync(cancellationToken)) { Prefix = prefix };
            await foreach (var item in objectStorage.ListObjectsAsync(request, cancellationToken))
            {
                objects.Add(item);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(logger, "list", ex.Message);
            return ExitCodes.Failed;
        }

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(objects.Select(o => new { o.Name, o.Size, o.Md5, Multipart = o.IsMultipartMd5, o.TimeCreated }), CommandJson.Options));
            return ExitCodes.Success;
        }

        await output.WriteLineAsync($"{"CREATED",-20}  {"SIZE",14}  {"MD5 (multipart: -N)",-28}  NAME");
        foreach (var o in objects)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Units.Time(o.TimeCreated),-20}  {o.Size,14}  {o.Md5 ?? "-",-28}  {o.Name}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{objects.Count} objects, {Units.Bytes(objects.Sum(o => o.Size))}"));
        return ExitCodes.Success;
    }
}
