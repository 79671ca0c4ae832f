using CostSync.Alerts;
using CostSync.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Commands;

/// <summary><c>test-alert</c>: publishes a test message to the alert topic.</summary>
internal sealed class TestAlertCommand(AlertPublisher publisher, AlertMessageBuilder messages, TimeProvider timeProvider, ILogger<TestAlertCommand> logger)
{
    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (!publisher.IsConfigured)
        {
            Log.CommandFailed(logger, "test-alert", "`CostSync:Alerts:TopicId` is not set. Set it to the OCID of the ONS topic, e.g. `ocid1.onstopic.oc1.iad.aaaa…`.");
            return ExitCodes.Failed;
        }

        if (!await publisher.PublishAsync(messages.Test(timeProvider.GetUtcNow()), cancellationToken))
        {
            return ExitCodes.Failed;
        }

        await output.WriteLineAsync($"Test alert published to {publisher.TopicId}.");
        return ExitCodes.Success;
    }
}
