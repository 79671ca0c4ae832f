using System.Security.Cryptography;
using CostSync.Credentials;
using CostSync.Logging;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Verification;
using CostSync.Terminal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostSync.Commands;

/// <summary>
/// <c>verify [--prefix P] [--sample PERCENT [--seed N]] [--against-source] [--json]</c>: reads the archive back and proves it
/// against the ledger (and the source); one line per problem with its fix, then a summary. Exit 0 when everything matches,
/// <see cref="ExitCodes.VerifyFoundProblems"/> otherwise, <see cref="ExitCodes.Failed"/> when it could not verify at all.
/// </summary>
internal sealed class VerifyCommand(
    ArchiveVerifier verifier,
    IDestinationFactory destinations,
    AwsCredentialsProvider credentials,
    RunProgressFactory progressDisplays,
    IOptions<DestinationOptions> destinationOptions,
    ILogger<VerifyCommand> logger)
{
    public async Task<int> RunAsync(Invocation invocation, TextWriter output, CancellationToken cancellationToken)
    {
        var request = new VerifyRequest(invocation.Prefix, invocation.SamplePercent, invocation.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue), invocation.AgainstSource);
        VerifyReport report;
        try
        {
            var runCredentials = await credentials.GetAsync(cancellationToken);
            await using var destination = destinations.Create(runCredentials.Credentials);
            if (!invocation.Json)
            {
                await output.WriteLineAsync(VerifyOutput.Heading(destination.Description, request));
            }

            using var progress = progressDisplays.CreateForVerify();
            report = await verifier.VerifyAsync(destination, request, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(logger, "verify", DestinationFailures.Describe(ex, destinationOptions.Value));
            return ExitCodes.Failed;
        }

        await output.WriteAsync(invocation.Json ? VerifyOutput.Json(report, request) : VerifyOutput.Text(report, request));
        return report.Intact ? ExitCodes.Success : ExitCodes.VerifyFoundProblems;
    }
}
