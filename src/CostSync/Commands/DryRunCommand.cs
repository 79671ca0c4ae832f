using System.Globalization;
using System.Text.Json;
using CostSync.Credentials;
using CostSync.Formatting;
using CostSync.Hosting;
using CostSync.Logging;
using CostSync.Sync;
using CostSync.Sync.Destinations;
using CostSync.Sync.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Commands;

/// <summary><c>--once --dry-run [--json]</c>: prints the plan (action, reason, bytes per object; totals) and writes nothing.</summary>
internal sealed class DryRunCommand(
    ISyncEngine engine,
    IDestinationFactory destinations,
    AwsCredentialsProvider credentials,
    TimeProvider timeProvider,
    IOptions<DestinationOptions> destinationOptions,
    ILogger<DryRunCommand> logger)
{
    public async Task<int> RunAsync(bool json, TextWriter output, CancellationToken cancellationToken)
    {
        SyncPlan plan;
        try
        {
            var runCredentials = await credentials.GetAsync(cancellationToken);
            await using var destination = destinations.Create(runCredentials.Credentials);
            plan = await engine.PlanAsync(new SyncRunContext(RunId.New(timeProvider.GetUtcNow()), destination), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(logger, "--once --dry-run", DestinationFailures.Describe(ex, destinationOptions.Value));
            return ExitCodes.Failed;
        }

        var counts = plan.Items.GroupBy(i => i.Action).ToDictionary(g => g.Key, g => g.Count());
        if (json)
        {
            var document = new
            {
                Items = plan.Items.Select(i => new { i.Name, i.DestinationKey, i.Action, i.Reason, Bytes = i.Source?.Size ?? 0 }),
                Totals = new
                {
                    Objects = plan.Items.Count,
                    CopyNew = counts.GetValueOrDefault(PlannedAction.CopyNew),
                    CopyChanged = counts.GetValueOrDefault(PlannedAction.CopyChanged),
                    Skip = counts.GetValueOrDefault(PlannedAction.Skip),
                    Delete = counts.GetValueOrDefault(PlannedAction.Delete),
                    LeaveAlone = counts.GetValueOrDefault(PlannedAction.LeaveAlone),
                    plan.BytesToCopy,
                },
                plan.NewestSourceObjectTime,
            };
            await output.WriteLineAsync(JsonSerializer.Serialize(document, CommandJson.Options));
            return ExitCodes.Success;
        }

        await output.WriteLineAsync($"{"ACTION",-12}  {"BYTES",14}  NAME (reason)");
        foreach (var item in plan.Items)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{item.Action,-12}  {item.Source?.Size ?? 0,14}  {item.Name} ({item.Reason})"));
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Plan: {plan.Items.Count} objects: {counts.GetValueOrDefault(PlannedAction.CopyNew)} new, {counts.GetValueOrDefault(PlannedAction.CopyChanged)} changed, {counts.GetValueOrDefault(PlannedAction.Skip)} unchanged, {counts.GetValueOrDefault(PlannedAction.Delete)} to delete, {counts.GetValueOrDefault(PlannedAction.LeaveAlone)} not ours (left alone); {Units.Bytes(plan.BytesToCopy)} to copy. Dry run: nothing was written."));
        return ExitCodes.Success;
    }
}
