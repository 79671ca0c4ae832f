using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Bench.Swift;

namespace CostSync.Bench.Limits;

/// <summary>
/// The destination's limit: the tree's sizes written into Swift from one buffer in memory (no source, no hashing of ours), as
/// single PUTs below the part size and parallel multipart uploads above it. The AWS SDK signs each body (SHA-256), as it must over
/// http. Run as a child process (<c>raw-put</c>) so it is timed like the copiers.
/// </summary>
internal static class RawPut
{
    public static async Task<int> RunAsync(LimitArguments args, CancellationToken cancellationToken)
    {
        using var client = SwiftBucket.CreateClient(new Uri(args.Required("endpoint")));
        var bucket = args.Required("bucket");
        var prefix = args.Required("prefix");
        var partSize = args.Int("part-mib", 16) * 1024 * 1024;
        var parallel = args.Int("concurrency", 16);
        var sizes = (await File.ReadAllLinesAsync(args.Required("manifest"), cancellationToken))
            .Select(l => l.Split('\t', 2))
            .Select(p => (Size: long.Parse(p[0], CultureInfo.InvariantCulture), Name: p[1]))
            .ToList();
        var buffer = new byte[partSize];
        new Random(1).NextBytes(buffer);
        long total = 0;
        await Parallel.ForEachAsync(sizes, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (o, token) =>
        {
            var key = prefix + o.Name;
            if (o.Size <= partSize)
            {
                await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = Body(buffer, o.Size), UseChunkEncoding = false }, token);
            }
            else
            {
                await MultipartAsync(client, bucket, key, o.Size, buffer, parallel / 2, token);
            }

            Interlocked.Add(ref total, o.Size);
        });
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bytes {total} objects {sizes.Count}"));
        return 0;
    }

    private static async Task MultipartAsync(AmazonS3Client client, string bucket, string key, long size, byte[] buffer, int parallel, CancellationToken cancellationToken)
    {
        var upload = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, cancellationToken);
        var count = (int)((size + buffer.Length - 1) / buffer.Length);
        var etags = new PartETag[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellationToken }, async (i, token) =>
        {
            var length = Math.Min(buffer.Length, size - ((long)i * buffer.Length));
            var r = await client.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId, PartNumber = i + 1, InputStream = Body(buffer, length), PartSize = length, UseChunkEncoding = false }, token);
            etags[i] = new PartETag(i + 1, r.ETag);
        });
        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId, PartETags = [.. etags] }, cancellationToken);
    }

    private static MemoryStream Body(byte[] buffer, long length) => new(buffer, 0, (int)length, writable: false);
}
