using System.Text;
using CostSync.Configuration;
using CostSync.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Metrics;

/// <summary>
/// Rewrites <c>Metrics:TextfilePath</c> after every run: a temporary file in the same folder, then a rename, so
/// node_exporter never reads half a file. A failure is logged (one line) and never fails the run.
/// </summary>
internal sealed class TextfileExporter(IOptions<MetricsOptions> options, ILogger<TextfileExporter> logger) : IRunMetricsExporter
{
    private readonly string? _path = string.IsNullOrWhiteSpace(options.Value.TextfilePath) ? null : options.Value.TextfilePath;

    public async Task ExportAsync(RunMetrics metrics, CancellationToken cancellationToken)
    {
        if (_path is null)
        {
            return;
        }

        var temp = $"{_path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await File.WriteAllTextAsync(temp, PrometheusTextfile.Render(metrics), new UTF8Encoding(false), cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                // node_exporter runs as another user: the file must be world-readable whatever the service's umask.
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            File.Move(temp, _path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.TextfileWriteFailed(logger, _path, ex.Message);
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the next run overwrites it.
        }
    }
}
