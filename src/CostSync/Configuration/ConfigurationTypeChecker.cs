using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace CostSync.Configuration;

/// <summary>
/// Checks that every typed value (enum, duration, number, flag, URL) parses before binding, so all bad values
/// are reported at once with their key instead of the binder's first exception.
/// </summary>
internal static class ConfigurationTypeChecker
{
    public static IEnumerable<string> Check(IConfiguration configuration, string sectionPath, Type optionsType)
    {
        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{sectionPath}:{property.Name}";
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string) || (!property.CanWrite && !type.IsClass))
            {
                continue;
            }

            if (type.IsClass && type != typeof(Uri))
            {
                if (property.CanWrite && type.Namespace?.StartsWith("CostSync", StringComparison.Ordinal) == true)
                {
                    foreach (var problem in Check(configuration, key, type))
                    {
                        yield return problem;
                    }
                }

                continue;
            }

            var value = configuration[key];
            if (value is null)
            {
                continue;
            }

            var (ok, rule, example) = Parse(type, value);
            if (!ok)
            {
                yield return ConfigProblem.Invalid(key, value, rule, example);
            }
        }
    }

    private static (bool Ok, string Rule, string Example) Parse(Type type, string value) =>
        type switch
        {
            _ when type.IsEnum => (Enum.TryParse(type, value, ignoreCase: true, out _) && !int.TryParse(value, out _), $"is not one of {string.Join(", ", Enum.GetNames(type))}", Enum.GetNames(type)[0]),
            _ when type == typeof(TimeSpan) => (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _), "is not a duration (days.hours:minutes:seconds)", "1.00:00:00 (24 hours) or 06:00:00"),
            _ when type == typeof(bool) => (bool.TryParse(value, out _), "is not `true` or `false`", "true"),
            _ when type == typeof(int) => (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), "is not a whole number", "16"),
            _ when type == typeof(long) => (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), "is not a whole number", "16"),
            _ when type == typeof(double) => (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), "is not a number", "0.1"),
            _ when type == typeof(Uri) => (Uri.TryCreate(value, UriKind.Absolute, out _), "is not an absolute URL", "https://objectstorage.us-ashburn-1.oraclecloud.com"),
            _ => (true, string.Empty, string.Empty),
        };
}
