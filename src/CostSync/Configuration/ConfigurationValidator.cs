using System.Reflection;
using CostSync.Oci;
using CostSync.Sync.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Runs every check on the sections a command needs and returns all problems at once, before anything runs.</summary>
internal static class ConfigurationValidator
{
    /// <summary>The options classes and the configuration sections they are bound from.</summary>
    public static readonly IReadOnlyList<(string Section, Type Type)> Sections =
    [
        ("CostSync", typeof(CostSyncOptions)),
        ("CostSync:Oci", typeof(OciOptions)),
        ("CostSync:Source", typeof(SourceOptions)),
        ("CostSync:Destination", typeof(DestinationOptions)),
        ("CostSync:Destination:Credentials", typeof(CredentialsOptions)),
        ("CostSync:Transfer", typeof(TransferOptions)),
        ("CostSync:Validation", typeof(ValidationOptions)),
        ("CostSync:Schedule", typeof(ScheduleOptions)),
        ("CostSync:Alerts", typeof(AlertOptions)),
        ("CostSync:Logging", typeof(LoggingOptions)),
        ("CostSync:Metrics", typeof(MetricsOptions)),
    ];

    /// <summary>Checks only what listing the source needs, so <c>list</c> works before a destination is configured.</summary>
    public static readonly IReadOnlyList<Type> SourceOnly = [typeof(CostSyncOptions), typeof(OciOptions), typeof(SourceOptions), typeof(LoggingOptions)];

    /// <summary>Checks what publishing an alert needs.</summary>
    public static readonly IReadOnlyList<Type> AlertsOnly = [typeof(CostSyncOptions), typeof(OciOptions), typeof(AlertOptions), typeof(LoggingOptions)];

    /// <summary>Every section.</summary>
    public static readonly IReadOnlyList<Type> All = [.. Sections.Select(s => s.Type)];

    /// <summary>Unknown keys anywhere under <c>CostSync</c>; then per section: type problems (they would stop binding), else every validator's problems.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration, IServiceProvider services, IReadOnlyList<Type> types)
    {
        var problems = new List<string>(UnknownKeyChecker.Check(configuration, Sections));
        foreach (var (section, type) in Sections.Where(s => types.Contains(s.Type)))
        {
            var typeProblems = ConfigurationTypeChecker.Check(configuration, section, type).ToList();
            problems.AddRange(typeProblems.Count > 0 ? typeProblems : Resolve(services, type));
        }

        return [.. problems.Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Resolve(IServiceProvider services, Type type)
    {
        var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
        try
        {
            _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
            return [];
        }
        catch (TargetInvocationException ex) when (ex.InnerException is OptionsValidationException validation)
        {
            return validation.Failures;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is InvalidOperationException binding)
        {
            return [binding.Message];
        }
    }
}
