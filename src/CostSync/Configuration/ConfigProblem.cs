namespace CostSync.Configuration;

/// <summary>Formats one configuration problem the way operators need it: key, value, rule, example.</summary>
internal static class ConfigProblem
{
    /// <summary>"`key` = `value` rule. Example: `example`."</summary>
    public static string Invalid(string key, object? value, string rule, string example) =>
        $"`{key}` = `{value}` {rule}. Example: `{example}`.";

    /// <summary>"`key` is required rule. Example: `example`."</summary>
    public static string Missing(string key, string rule, string example) =>
        $"`{key}` is not set; it is required {rule}. Example: `{example}`.";
}
