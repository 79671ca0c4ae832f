using System.Globalization;
using CostSync.Oci;
using CostSync.Oci.ObjectStorage;
using Microsoft.Extensions.DependencyInjection;

namespace CostSync.Bench.Limits;

/// <summary>
/// The source's limit: every object of the tree read with parallel ranged GETs through CostSync's OCI client (signing included)
/// and thrown away, no hashing, no copying. Run as a child process (<c>raw-get</c>) so it is timed like the copiers.
/// </summary>
internal static class RawGet
{
    public static async Task<int> RunAsync(LimitArguments args, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(args.Required("endpoint"));
        var services = new ServiceCollection();
        services.Configure<OciOptions>(o =>
        {
            o.Auth = OciAuthMode.ApiKey;
            o.ConfigFile = args.Required("config");
            o.Endpoints.ObjectStorage = endpoint;
            o.Endpoints.Auth = endpoint;
        });
        services.AddOciClients();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IObjectStorageClient>();
        var bucket = args.Required("bucket");
        var partSize = args.Int("part-mib", 16) * 1024L * 1024;
        var objects = new List<ObjectSummary>();
        await foreach (var o in client.ListObjectsAsync(new ListObjectsRequest("bling", bucket), cancellationToken))
        {
            objects.Add(o);
        }

        // Whole GETs for objects up to one part, ranges for larger ones; all in one queue, like a copier's workers.
        var jobs = objects.SelectMany(o => o.Size <= partSize
            ? [(o.Name, (ByteRange?)null)]
            : Enumerable.Range(0, (int)((o.Size + partSize - 1) / partSize)).Select(i => (o.Name, (ByteRange?)new ByteRange(i * partSize, Math.Min(partSize, o.Size - (i * partSize))))))
            .ToList();
        long total = 0;
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = args.Int("concurrency", 16), CancellationToken = cancellationToken }, async (job, token) =>
        {
            var buffer = new byte[256 * 1024];
            await using var response = await client.GetObjectAsync(new GetObjectRequest("bling", bucket, job.Name) { Range = job.Item2 }, token);
            int read;
            while ((read = await response.Content.ReadAsync(buffer, token)) > 0)
            {
                Interlocked.Add(ref total, read);
            }
        });
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bytes {total} objects {objects.Count} requests {jobs.Count + 1}"));
        return 0;
    }
}
