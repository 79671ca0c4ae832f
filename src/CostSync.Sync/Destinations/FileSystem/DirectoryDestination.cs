using System.Runtime.CompilerServices;
using System.Text.Json;
using CostSync.Sync.Integrity;

namespace CostSync.Sync.Destinations.FileSystem;

/// <summary>A local folder with the same key layout as S3. Writes go to <c>.costsync/tmp</c> and are renamed into place on completion.</summary>
/// <remarks>
/// Internal state lives under <c>&lt;root&gt;/.costsync/</c>: <c>tmp/</c> (temp files plus a small descriptor each, so stale
/// ones can be listed and swept like S3 uploads) and <c>meta/</c> (a JSON sidecar per object with its ETag and user metadata,
/// the Directory equivalent of <c>x-amz-meta-*</c>).
/// </remarks>
internal sealed class DirectoryDestination : IDestination
{
    private readonly bool _overwriteProtection;
    private readonly TimeProvider _timeProvider;

    public DirectoryDestination(string root, bool overwriteProtection, TimeProvider timeProvider)
    {
        Root = Path.GetFullPath(root);
        _overwriteProtection = overwriteProtection;
        _timeProvider = timeProvider;
        TempFolder = Path.Combine(Root, ".costsync", "tmp");
        MetaFolder = Path.Combine(Root, ".costsync", "meta");
    }

    public string Root { get; }

    public string Description => Root;

    internal string TempFolder { get; }

    internal string MetaFolder { get; }

    public async IAsyncEnumerable<DestinationObject> ListObjectsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (!System.IO.Directory.Exists(Root))
        {
            yield break;
        }

        var found = new List<DestinationObject>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None };
        foreach (var file in System.IO.Directory.EnumerateFiles(Root, "*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsInternal(file))
            {
                continue;
            }

            var key = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var info = new FileInfo(file);
                found.Add(new DestinationObject(key, info.Length, null, info.LastWriteTimeUtc));
            }
        }

        // S3 lists in key order; do the same so both destinations behave alike.
        foreach (var o in found.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            yield return o;
        }
    }

    public async Task<DestinationObjectDetails?> HeadObjectAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        var info = new FileInfo(path);
        var sidecar = await ReadSidecarAsync(key, cancellationToken);
        return new DestinationObjectDetails(key, info.Length, sidecar?.ETag, null, info.LastWriteTimeUtc, sidecar?.Metadata ?? new Dictionary<string, string>());
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous) : null;
        return Task.FromResult(stream);
    }

    public async Task<DestinationWriteResult> PutObjectAsync(string key, ReadOnlyMemory<byte> content, ContentDigests digests, IReadOnlyDictionary<string, string> metadata, WriteKind kind, CancellationToken cancellationToken)
    {
        var upload = (DirectoryMultipartUpload)await BeginMultipartUploadAsync(key, metadata, cancellationToken);
        try
        {
            await upload.UploadPartAsync(1, 0, content, digests, cancellationToken);
            return await upload.CompleteSingleAsync(replaceable: kind == WriteKind.Internal, cancellationToken);
        }
        catch
        {
            await upload.AbortAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task<IMultipartUpload> BeginMultipartUploadAsync(string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        DirectoryKeys.EnsureNoClash(Root, key); // refuses a key no file can have before anything is written
        System.IO.Directory.CreateDirectory(TempFolder);
        var uploadId = Guid.NewGuid().ToString("N");
        var descriptor = new DirectoryUploadDescriptor(key, _timeProvider.GetUtcNow(), new Dictionary<string, string>(metadata));
        await File.WriteAllBytesAsync(DescriptorPath(uploadId), JsonSerializer.SerializeToUtf8Bytes(descriptor, DirectoryJsonContext.Default.DirectoryUploadDescriptor), cancellationToken);
        return new DirectoryMultipartUpload(this, key, uploadId, descriptor.Metadata);
    }

    public async IAsyncEnumerable<PendingUpload> ListIncompleteUploadsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(TempFolder))
        {
            yield break;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(TempFolder, "*.json"))
        {
            DirectoryUploadDescriptor? descriptor;
            try
            {
                descriptor = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(file, cancellationToken), DirectoryJsonContext.Default.DirectoryUploadDescriptor);
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // A descriptor being written right now or already swept: not ours to judge.
                continue;
            }

            if (descriptor is not null && descriptor.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return new PendingUpload(descriptor.Key, Path.GetFileNameWithoutExtension(file), descriptor.Initiated);
            }
        }
    }

    public Task AbortIncompleteUploadAsync(PendingUpload upload, CancellationToken cancellationToken)
    {
        DeleteTemp(upload.UploadId);
        return Task.CompletedTask;
    }

    public Task DeleteObjectAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        File.Delete(SidecarPath(key));
        return Task.CompletedTask;
    }

    /// <summary>A folder keeps no old versions: an overwritten file is gone.</summary>
    public Task<bool> IsVersioningEnabledAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task<DestinationWriteResult> CopyObjectAsync(string sourceKey, string? sourceETag, long sourceSize, string destinationKey, CancellationToken cancellationToken)
    {
        var source = PathOf(sourceKey);
        var sidecar = await ReadSidecarAsync(sourceKey, cancellationToken);
        if (!File.Exists(source))
        {
            throw new DestinationRejectedException($"Could not copy {sourceKey} to {destinationKey}: the source is gone; nothing was copied.");
        }

        if (sourceETag is not null && sidecar is not null && !Md5Digests.SameETag(sidecar.ETag, sourceETag))
        {
            throw new DestinationRejectedException($"Could not copy {sourceKey} to {destinationKey}: the source no longer has ETag {sourceETag}; nothing was copied.");
        }

        var metadata = sidecar?.Metadata ?? new Dictionary<string, string>();
        var upload = (DirectoryMultipartUpload)await BeginMultipartUploadAsync(destinationKey, metadata, cancellationToken);
        try
        {
            // Like S3's CopyObject: a plain object whose ETag is the MD5 of its bytes, hashed here while copying.
            using var md5 = Md5Digests.CreateIncremental();
            await using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous))
            await using (var to = new FileStream(TempPath(upload.UploadId), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await from.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    md5.AppendData(buffer, 0, n);
                    await to.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                }

                await to.FlushAsync(cancellationToken);
            }

            return await PublishAsync(destinationKey, upload.UploadId, Convert.ToHexStringLower(md5.GetHashAndReset()), metadata, replaceable: true, cancellationToken);
        }
        catch
        {
            await upload.AbortAsync(CancellationToken.None);
            throw;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal string TempPath(string uploadId) => Path.Combine(TempFolder, uploadId + ".part");

    internal void DeleteTemp(string uploadId)
    {
        File.Delete(TempPath(uploadId));
        File.Delete(DescriptorPath(uploadId));
    }

    internal async Task<DestinationWriteResult> PublishAsync(string key, string uploadId, string etag, IReadOnlyDictionary<string, string> metadata, bool replaceable, CancellationToken cancellationToken)
    {
        // Again at the end: another report of this run may have taken the path (as a file or a folder) meanwhile.
        DirectoryKeys.EnsureNoClash(Root, key);
        var target = PathOf(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var sidecar = SidecarPath(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(sidecar)!);
        await File.WriteAllBytesAsync(sidecar, JsonSerializer.SerializeToUtf8Bytes(new DirectorySidecar(etag, new Dictionary<string, string>(metadata)), DirectoryJsonContext.Default.DirectorySidecar), cancellationToken);
        try
        {
            // Rename within one file system is atomic: readers see the old file or the whole new one.
            File.Move(TempPath(uploadId), target, overwrite: replaceable || !_overwriteProtection);
        }
        catch (IOException e) when (!replaceable && _overwriteProtection && File.Exists(target))
        {
            throw new DestinationRejectedException($"Refused to overwrite {target}: overwrite protection is on and the file exists. Remove it or turn off CostSync:Destination:OverwriteProtection.", e);
        }

        File.Delete(DescriptorPath(uploadId));
        return new DestinationWriteResult(etag, null) { ETagIsMd5 = true };
    }

    /// <summary>Checks the caller's digests against the bytes, as S3 does with Content-MD5 and a CRC-32C checksum.</summary>
    internal static (byte[] Md5, uint Crc32c) CheckDigests(string key, ReadOnlySpan<byte> content, ContentDigests digests)
    {
        var md5 = Md5Digests.Hash(content);
        if (!string.Equals(Convert.ToBase64String(md5), digests.Md5, StringComparison.Ordinal))
        {
            throw new DestinationRejectedException($"Refused to write {key}: the Content-MD5 did not match the bytes received; nothing was stored.") { IsDigestMismatch = true };
        }

        var crc = Crc32CDigests.Hash(content);
        if (digests.Crc32c is { } expected && !string.Equals(Crc32CDigests.ToBase64(crc), expected, StringComparison.Ordinal))
        {
            throw new DestinationRejectedException($"Refused to write {key}: the CRC-32C did not match the bytes received; nothing was stored.") { IsDigestMismatch = true };
        }

        return (md5, crc);
    }

    private string DescriptorPath(string uploadId) => Path.Combine(TempFolder, uploadId + ".json");

    private string SidecarPath(string key) => Path.Combine(MetaFolder, DirectoryKeys.ToRelativePath(key) + DirectoryKeys.SidecarSuffix);

    private string PathOf(string key) => Path.Combine(Root, DirectoryKeys.ToRelativePath(key));

    private bool IsInternal(string file) =>
        file.StartsWith(TempFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || file.StartsWith(MetaFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private async Task<DirectorySidecar?> ReadSidecarAsync(string key, CancellationToken cancellationToken)
    {
        var path = SidecarPath(key);
        return File.Exists(path)
            ? JsonSerializer.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken), DirectoryJsonContext.Default.DirectorySidecar)
            : null;
    }
}
