using CostSync.Configuration;
using CostSync.Oci;
using CostSync.Oci.Auth;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Planning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CostSync.Evidence;

/// <summary>
/// Gathers what a run's evidence says about its origin (build, host, principal, tenancy, schedule, source, destination) and
/// where in the archive the evidence goes. Never fails: what cannot be found out is written as <c>unknown</c> with the reason.
/// </summary>
internal sealed class EvidenceFacts(
    IServiceProvider services,
    IOptions<OciOptions> oci,
    IOptions<SourceOptions> source,
    IOptions<DestinationOptions> destination,
    IOptions<ScheduleOptions> schedule,
    TimeProvider timeProvider)
{
    /// <summary>How long a tenancy lookup may take; the run already found out whether the principal works.</summary>
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(20);

    public async Task<EvidenceScope> GatherAsync(IDestination? target, DateTimeOffset? nextRun, CancellationToken cancellationToken)
    {
        var (principal, tenancy) = await PrincipalAsync(cancellationToken);
        var options = destination.Value;
        KeyLayout? layout = options.IncludeTenancyFolder && tenancy is null ? null : new KeyLayout(options.Prefix, options.IncludeTenancyFolder ? tenancy : null);
        var bucket = string.IsNullOrWhiteSpace(source.Value.Bucket) ? tenancy ?? "<tenancy>" : source.Value.Bucket;
        var location = target?.Description ?? (options.Kind == DestinationKind.Directory ? Path.GetFullPath(options.Path ?? ".") : $"s3://{options.Bucket}");
        var origin = new EvidenceOrigin(
            new EvidenceBuild(BuildInfo.Current.Version, BuildInfo.Current.Commit),
            Environment.MachineName,
            new EvidencePrincipal(oci.Value.Auth.ToString(), principal, tenancy ?? "unknown"),
            $"oci://{source.Value.Namespace}/{bucket}",
            new EvidenceDestination(location, layout?.ListPrefix ?? (options.Prefix ?? string.Empty).Trim('/')),
            new EvidenceSchedule(schedule.Value.Cron, schedule.Value.TimeZone, nextRun));
        return new EvidenceScope(origin, layout);
    }

    private async Task<(string Principal, string? Tenancy)> PrincipalAsync(CancellationToken cancellationToken)
    {
        IOciAuthProvider provider;
        try
        {
            // Built on first use; a broken profile already failed the run, and the evidence says so rather than failing too.
            provider = services.GetRequiredService<IOciAuthProvider>();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ($"unknown ({e.Message})", Configured());
        }

        if (Configured() is { } configured)
        {
            return (provider.Description, configured);
        }

        try
        {
            using var timeout = new CancellationTokenSource(LookupTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            return (provider.Description, await provider.GetTenancyIdAsync(linked.Token));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (provider.Description, null);
        }
    }

    private string? Configured() => string.IsNullOrWhiteSpace(oci.Value.TenancyId) ? null : oci.Value.TenancyId;
}
