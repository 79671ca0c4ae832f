using CostSync.Hosting;

namespace CostSync.Commands;

/// <summary><c>--once</c>: one run through the same coordinator the daemon uses; the outcome becomes the exit code.</summary>
internal sealed class OnceCommand(RunCoordinator coordinator)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var outcome = await coordinator.RunOnceAsync(cancellationToken);
        return ToExitCode(outcome.Kind);
    }

    public static int ToExitCode(RunOutcomeKind kind) => kind switch
    {
        RunOutcomeKind.Succeeded => ExitCodes.Success,
        RunOutcomeKind.PartiallyFailed => ExitCodes.PartiallyFailed,
        RunOutcomeKind.LockHeld => ExitCodes.LockHeld,
        _ => ExitCodes.Failed,
    };
}
