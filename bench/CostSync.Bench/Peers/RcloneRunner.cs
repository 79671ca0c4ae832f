using CostSync.Bench.Measure;

namespace CostSync.Bench.Peers;

/// <summary>
/// rclone (Debian's 1.60, which has no OCI backend that reaches the emulator) on its easiest path: the same bytes from local disk
/// to the same Swift. Its own config file; <c>AWS_CA_BUNDLE</c> is cleared (rclone fails on every S3 remote with it set).
/// </summary>
internal sealed class RcloneRunner
{
    /// <summary>The flags of the rclone + cron setup CostSync replaces.</summary>
    public static readonly string[] OldSetup = ["--checksum", "--s3-chunk-size", "64M", "--s3-upload-concurrency", "8"];

    /// <summary>The old setup tuned for many small files.</summary>
    public static readonly string[] Tuned = [.. OldSetup, "--transfers", "16"];

    private readonly string _program;
    private readonly string _config;

    private RcloneRunner(string program, string config)
    {
        _program = program;
        _config = config;
    }

    /// <summary>rclone on PATH with a remote <c>bench</c> (direct) and <c>counted</c> (through the counting proxy); null when rclone is not installed.</summary>
    public static RcloneRunner? Find(string workDirectory, Uri swift, Uri counted)
    {
        var program = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "rclone"))
            .FirstOrDefault(File.Exists);
        if (program is null)
        {
            return null;
        }

        var config = Path.Combine(workDirectory, "rclone.conf");
        File.WriteAllText(config, Remote("bench", swift) + Remote("counted", counted));
        return new RcloneRunner(program, config);
    }

    /// <summary><c>rclone copy DIR remote:bucket/prefix FLAGS</c> under GNU time.</summary>
    public async Task<Sample> CopyAsync(string directory, string remote, string bucket, string prefix, IEnumerable<string> flags, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string> { ["AWS_CA_BUNDLE"] = string.Empty };
        var result = await TimedProcess.RunAsync(_program, ["--config", _config, "copy", directory, $"{remote}:{bucket}/{prefix.TrimEnd('/')}", .. flags], environment, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"rclone exited with {result.ExitCode}:{Environment.NewLine}{CostSyncRunner.Tail(result.Output)}");
        }

        return result.Sample;
    }

    /// <summary>rclone's version line.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var result = await TimedProcess.RunAsync(_program, ["version"], null, cancellationToken);
        return result.Output.Split('\n')[0].Trim();
    }

    private static string Remote(string name, Uri endpoint) => $"""
        [{name}]
        type = s3
        provider = Other
        endpoint = {endpoint}
        force_path_style = true
        access_key_id = test:tester
        secret_access_key = testing
        region = us-east-1

        """;
}
