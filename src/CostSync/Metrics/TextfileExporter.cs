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
    private const UnixFileMode ReadableFile = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode ReadableFolder = ReadableFile | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
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
            // node_exporter runs as another user: folder and file must be readable whatever the service's umask (0077 under systemd).
            var folder = Path.GetDirectoryName(_path)!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                File.SetUnixFileMode(folder, ReadableFolder); // chmod, which the umask does not filter
            }

            await File.WriteAllTextAsync(temp, PrometheusTextfile.Render(metrics), new UTF8Encoding(false), cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, ReadableFile);
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
