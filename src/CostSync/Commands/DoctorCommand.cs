using System.Text.Json;
using CostSync.Doctor;

namespace CostSync.Commands;

/// <summary><c>doctor [--json] [--send-test-alert]</c>: one OK/WARN/FAIL line per check with a one-line fix; exit 1 when anything fails.</summary>
internal sealed class DoctorCommand(DoctorRunner runner)
{
    public async Task<int> RunAsync(bool json, bool sendTestAlert, TextWriter output, CancellationToken cancellationToken)
    {
        var results = await runner.RunAsync(sendTestAlert, cancellationToken);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(results, CommandJson.Options));
        }
        else
        {
            foreach (var result in results)
            {
                var status = result.Status.ToString().ToUpperInvariant();
                await output.WriteLineAsync($"{status,-4}  {result.Check,-18}  {result.Detail}{(result.Fix is null ? string.Empty : $" -> fix: {result.Fix}")}");
            }
        }

        return results.Any(r => r.Status == DoctorStatus.Fail) ? ExitCodes.Failed : ExitCodes.Success;
    }
}
