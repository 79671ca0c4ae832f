using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace CostSync.Configuration;

/// <summary>Parses the schedule's cron text: 5 fields, or 6 with seconds first.</summary>
internal static class CronText
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out CronExpression? expression, [NotNullWhen(false)] out string? rule)
    {
        expression = null;
        var fields = (text ?? string.Empty).Split(' ', '\t').Count(f => f.Length > 0);
        if (fields is not (5 or 6))
        {
            rule = $"is not a cron expression (expected 5 fields: minute hour day month weekday, or 6 with seconds first; found {fields})";
            return false;
        }

        try
        {
            expression = CronExpression.Parse(text!.Trim(), fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            rule = null;
            return true;
        }
        catch (CronFormatException ex)
        {
            rule = $"is not a cron expression ({ex.Message.TrimEnd('.')})";
            return false;
        }
    }

    public static bool TryFindTimeZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
