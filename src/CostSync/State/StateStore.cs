using System.Text.Json;
using System.Text.Json.Serialization;
using CostSync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.State;

/// <summary>Small JSON state files in the state directory, each replaced atomically (write to a temp file, then rename).</summary>
internal sealed class StateStore(IOptions<CostSyncOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>The state directory, e.g. <c>/var/lib/costsync</c>.</summary>
    public string Directory { get; } = Path.GetFullPath(options.Value.StateDirectory);

    /// <summary>Creates the directory if needed; throws <see cref="StateDirectoryException"/> with a fix when it cannot.</summary>
    public void EnsureExists()
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateDirectoryException($"The state directory `{Directory}` cannot be created ({ex.Message}). Create it for the service user, or set `CostSync:StateDirectory` to a writable folder.", ex);
        }
    }

    /// <summary>Creates the directory if needed and proves it can be written (a probe file is written and removed).</summary>
    /// <exception cref="StateDirectoryException">It cannot; the message says why (read-only, permission, full disk) and the fix.</exception>
    public void EnsureWritable()
    {
        EnsureExists();
        var probe = Path.Combine(Directory, $".costsync-write-probe-{Environment.ProcessId}");
        try
        {
            // Some bytes, not an empty file: a full disk still has room for a name, not for the state files' contents.
            File.WriteAllText(probe, "CostSync can write here.\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateDirectoryException(StateDirectoryProblem.Explain(Directory, ex), ex);
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The probe was never created (or the directory went away): nothing to clean up.
            }
        }
    }

    public async Task<T?> ReadAsync<T>(string fileName, CancellationToken cancellationToken)
        where T : class
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken);
        }
        catch (JsonException)
        {
            // A damaged state file is treated as absent: the worst case is one extra run or one extra alert.
            return null;
        }
    }

    public async Task WriteAsync<T>(string fileName, T value, CancellationToken cancellationToken)
    {
        EnsureExists();
        var path = Path.Combine(Directory, fileName);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
