using CostSync.OciEmulator.ObjectStorage;

namespace CostSync.Bench.Scenarios;

/// <summary>Writes an emulator's objects to a folder, byte for byte, so rclone copies the same bytes from local disk.</summary>
internal static class TreeExport
{
    public static async Task WriteAsync(EmulatorStore store, string directory, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(store.All, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (o, token) =>
        {
            var path = Path.Combine(directory, o.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
            if (o.Composed is { } composed)
            {
                await composed.WriteToAsync(file, 0, composed.Length, token);
            }
            else
            {
                await file.WriteAsync(o.Content, token);
            }
        });
    }
}
