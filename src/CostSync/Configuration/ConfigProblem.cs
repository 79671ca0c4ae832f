using System.Globalization;

namespace CostSync.Configuration;

/// <summary>Formats one configuration problem the way operators need it: key, value, rule, example.</summary>
internal static class ConfigProblem
{
    /// <summary>"`key` = `value` rule. Example: `example`." The value of a secret-id key is shown only when it is an OCID.</summary>
    public static string Invalid(string key, object? value, string rule, string example) =>
        $"`{key}` = {Shown(key, value)} {rule}. Example: `{example}`.";

    /// <summary>"`key` is required rule. Example: `example`."</summary>
    public static string Missing(string key, string rule, string example) =>
        $"`{key}` is not set; it is required {rule}. Example: `{example}`.";

    /// <summary>
    /// The value as quoted in a message. A <c>*SecretId</c> key that does not hold an OCID may hold a pasted key
    /// (the AWS secret itself instead of the Vault secret's OCID), so its value is never printed, only its length.
    /// </summary>
    public static string Shown(string key, object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (key.EndsWith("SecretId", StringComparison.OrdinalIgnoreCase) && text is { Length: > 0 } && !IsOcid(text))
        {
            return string.Create(CultureInfo.InvariantCulture, $"(value hidden: {text.Length} characters that are not an OCID, possibly a pasted key)");
        }

        return $"`{text}`";
    }

    private static bool IsOcid(string text) =>
        text.StartsWith("ocid1.", StringComparison.Ordinal) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
