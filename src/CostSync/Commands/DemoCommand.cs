namespace CostSync.Commands;

/// <summary><c>demo</c>: the whole job against an in-process OCI emulator into a local folder.</summary>
internal static class DemoCommand
{
    public static Task<int> RunAsync(AppEnvironment environment, CancellationToken cancellationToken)
    {
        environment.BootstrapLogger.Error("The demo needs the OCI emulator, which is not part of this build yet.");
        return Task.FromResult(ExitCodes.Failed);
    }
}
