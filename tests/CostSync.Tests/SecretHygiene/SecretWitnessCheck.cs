using Xunit;

namespace CostSync.Tests.SecretHygiene;

/// <summary>
/// The end of the test run: fails it when any secret a harness registered appears in anything CostSync produced during the
/// whole run (see <see cref="SecretWitness.Suite"/>), listing each leak with where it was found.
/// </summary>
public sealed class SecretWitnessCheck : IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        var leaks = SecretWitness.Suite.Leaks();
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException($"{leaks.Count} secret(s) found in CostSync's output during the test run:{Environment.NewLine}{string.Join(Environment.NewLine, leaks.Take(50))}");
        }

        return ValueTask.CompletedTask;
    }
}
