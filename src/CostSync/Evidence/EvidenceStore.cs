using CostSync.State;

namespace CostSync.Evidence;

/// <summary>
/// The last <see cref="Kept"/> runs' evidence under <c>&lt;state directory&gt;/runs/</c>: at hand on the machine, and the only copy
/// when a run could not reach the archive. Each file appears whole (temp file, then rename); older runs' files are removed.
/// </summary>
internal sealed class EvidenceStore(StateStore state)
{
    public const string FolderName = "runs";

    /// <summary>Runs whose evidence is kept in the state directory. <value>10.</value></summary>
    public const int Kept = 10;

    public string Folder { get; } = Path.Combine(state.Directory, FolderName);

    /// <exception cref="IOException">The folder or a file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    public async Task WriteAsync(string runId, byte[] json, byte[] markdown, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        await WriteFileAsync(Path.Combine(Folder, runId + ".json"), json, cancellationToken);
        await WriteFileAsync(Path.Combine(Folder, runId + ".md"), markdown, cancellationToken);
        Prune();
    }

    private static async Task WriteFileAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Keeps the newest runs: run ids start with their UTC start time, so name order is time order.</summary>
    private void Prune()
    {
        var runs = Directory.EnumerateFiles(Folder)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .GroupBy(Path.GetFileNameWithoutExtension, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Skip(Kept);
        foreach (var file in runs.SelectMany(g => g))
        {
            File.Delete(file);
        }
    }
}
