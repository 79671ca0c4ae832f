using System.Globalization;
using CostSync.Bench.Scenarios;

namespace CostSync.Bench.Report;

/// <summary>The targets, each computed from figures of the same harness run.</summary>
internal static class Targets
{
    private const double MB = 1_000_000;

    /// <summary>One line of the targets table; <see cref="Met"/> is null when a figure is missing (e.g. rclone not installed).</summary>
    public sealed record Row(string Figure, string Measured, string Target, bool? Met);

    public static IEnumerable<Row> Evaluate(IReadOnlyList<Figure> figures, IReadOnlyList<(int Objects, TimeSpan Time)> planning, TreeSummary trees)
    {
        Figure? Find(string scenario, string tool) => figures.FirstOrDefault(f => f.Scenario == scenario && f.Tool == tool);
        var once = Find("full sync", CopyScenarios.CostSyncOnce);
        var warm = Find("full sync", WarmDaemonScenario.CostSyncWarm);
        var directory = Find("full sync", CopyScenarios.CostSyncDirectory);
        var rcloneOld = Find("full sync", CopyScenarios.RcloneOld);
        var rcloneTuned = Find("full sync", CopyScenarios.RcloneTuned);
        var rawPut = Find("full sync", LimitScenarios.RawPut);
        var rawGet = Find("full sync", LimitScenarios.RawGet);
        var validationOff = Find("full sync", CopyScenarios.ValidationOff);
        var validationFull = Find("full sync", CopyScenarios.ValidationFull);

        yield return Ratio("Full sync wall: CostSync --once / rclone (old setup's flags)", once, rcloneOld, f => f.Wall.Median, "≤ 0.90", r => r <= 0.90);
        yield return Ratio("Full sync wall: CostSync --once / rclone --transfers 16", once, rcloneTuned, f => f.Wall.Median, "(for reference)", null);
        yield return Ratio("Full sync wall: warm daemon / rclone (old setup's flags)", warm, rcloneOld, f => f.Wall.Median, "≤ 0.90", r => r <= 0.90);
        yield return Share("Share of the limit: raw PUT time / CostSync --once time", rawPut, once, "≥ 95 %", s => s >= 0.95);
        yield return Share("Share of the limit: raw PUT time / warm daemon time", rawPut, warm, "≥ 95 %", s => s >= 0.95);
        yield return Share("Share of the limit: raw GET time / CostSync to a RAM-disk folder", rawGet, directory, "≥ 90 %", s => s >= 0.90);
        yield return Ratio("CPU per GiB: CostSync --once / rclone (old setup's flags)", once, rcloneOld, f => f.CpuPerGiB, "≤ 0.70", r => r <= 0.70);
        yield return Ratio("CPU per GiB: warm daemon / rclone (old setup's flags)", warm, rcloneOld, f => f.CpuPerGiB, "≤ 0.70", r => r <= 0.70);
        yield return Ratio("Validation cost, CPU: CostSync --once (Validation:Mode Header, the default) / Mode Off", once, validationOff, f => f.Cpu.Median, "(for reference)", null);
        yield return Ratio("Validation cost, CPU: Validation:Mode Full / Mode Off", validationFull, validationOff, f => f.Cpu.Median, "(for reference)", null);
        yield return Ratio("Validation cost, wall: Validation:Mode Full / Mode Off", validationFull, validationOff, f => f.Wall.Median, "(for reference)", null);
        foreach (var f in new[] { once, warm, directory }.OfType<Figure>())
        {
            var rss = f.Samples.Max(s => s.PeakRssBytes) / MB;
            var peer = rcloneOld is null ? string.Empty : Invariant($" (rclone: {rcloneOld.Samples.Max(s => s.PeakRssBytes) / MB:F0} MB)");
            yield return new Row($"Peak RSS, highest of the runs: {f.Tool}", Invariant($"{rss:F0} MB{peer}"), "≤ 150 MB", rss <= 150);
        }

        foreach (var scenario in figures.Select(f => f.Scenario).Where(s => s != "full sync").Distinct())
        {
            var cold = Find(scenario, NoChangeScenarios.CostSyncCold);
            var warmRun = Find(scenario, NoChangeScenarios.CostSyncWarm);
            var objects = (cold ?? warmRun)?.Objects ?? 0;
            var allowed = (int)Math.Ceiling(objects / 1000.0) + 5;
            foreach (var f in new[] { cold, warmRun }.OfType<Figure>())
            {
                foreach (var (side, tally) in new[] { ("OCI", f.OciRequests), ("S3", f.S3Requests) })
                {
                    if (tally is not null)
                    {
                        yield return new Row(Invariant($"{scenario}: {f.Tool}, {side} requests (object GET/HEAD/PUT)"), Invariant($"{tally.Total} ({tally.ObjectRequests})"), Invariant($"≤ {allowed} (0)"), tally.Total <= allowed && tally.ObjectRequests == 0);
                    }
                }
            }

            yield return Ratio($"{scenario}: warm daemon / rclone --checksum (wall)", warmRun, Find(scenario, NoChangeScenarios.RcloneChecksum), f => f.Wall.Median, "≤ 0.20", r => r <= 0.20);
            yield return Ratio($"{scenario}: cold --once / rclone --size-only (wall)", cold, Find(scenario, NoChangeScenarios.RcloneSizeOnly), f => f.Wall.Median, "≤ 1.00", r => r <= 1.00);
        }

        if (planning.Count >= 2)
        {
            var first = planning[0];
            var last = planning[^1];
            var growth = (last.Time.TotalMilliseconds / last.Objects) / (first.Time.TotalMilliseconds / first.Objects);
            yield return new Row(Invariant($"Planning time per object, {last.Objects:N0} vs {first.Objects:N0} objects"), Invariant($"{growth:F2}×"), "about 1 (linear)", growth <= 2.0);
        }
    }

    private static Row Ratio(string name, Figure? ours, Figure? theirs, Func<Figure, double> value, string target, Func<double, bool>? met)
    {
        if (ours is null || theirs is null)
        {
            return new Row(name, "not measured", target, null);
        }

        var ratio = value(ours) / value(theirs);
        return new Row(name, Invariant($"{ratio:F2} ({value(ours):F2} / {value(theirs):F2})"), target, met?.Invoke(ratio));
    }

    private static Row Share(string name, Figure? limit, Figure? ours, string target, Func<double, bool> met)
    {
        if (limit is null || ours is null)
        {
            return new Row(name, "not measured", target, null);
        }

        var share = limit.Wall.Median / ours.Wall.Median;
        return new Row(name, Invariant($"{share * 100:F0} % ({limit.Wall.Median:F1} s / {ours.Wall.Median:F1} s)"), target, met(share));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
