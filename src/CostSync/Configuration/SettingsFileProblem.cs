using System.Text.Json;

namespace CostSync.Configuration;

/// <summary>One sentence for a settings file that cannot be loaded, with the line and column of a JSON syntax error.</summary>
internal static class SettingsFileProblem
{
    public static string Describe(Exception exception)
    {
        // The JSON provider wraps the parser's error twice (InvalidDataException > FormatException > JsonException).
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line } json)
            {
                var column = (json.BytePositionInLine ?? 0) + 1;
                var reason = json.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
                return $"{exception.Message.TrimEnd('.')}: invalid JSON at line {line + 1}, column {column}: {reason}. Fix the file (a missing `:`, `,` or quote is the usual cause).";
            }
        }

        return exception.InnerException is { } cause ? $"{exception.Message} {cause.Message}" : exception.Message;
    }
}
