using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CostSync.OciEmulator.Signing;

/// <summary>The parameters of an <c>Authorization: Signature …</c> header (any parameter order).</summary>
internal sealed partial record AuthorizationHeader(string Version, string KeyId, string Algorithm, IReadOnlyList<string> Headers, string Signature)
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out AuthorizationHeader? header, [NotNullWhen(false)] out string? error)
    {
        header = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "The request has no Authorization header; OCI requests must carry 'Authorization: Signature version=\"1\",headers=…,keyId=…,algorithm=\"rsa-sha256\",signature=…'.";
            return false;
        }

        string trimmed = value.Trim();
        if (!trimmed.StartsWith("Signature ", StringComparison.OrdinalIgnoreCase))
        {
            error = "The Authorization header does not use the 'Signature' scheme (OCI HTTP signature version 1 is required).";
            return false;
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in ParameterPattern().Matches(trimmed["Signature ".Length..]))
        {
            parameters[match.Groups[1].Value] = match.Groups[2].Value;
        }

        foreach (string required in (string[])["version", "keyId", "algorithm", "headers", "signature"])
        {
            if (!parameters.ContainsKey(required))
            {
                error = $"The Authorization header is missing the '{required}' parameter.";
                return false;
            }
        }

        string[] names = parameters["headers"].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.ToLowerInvariant()).ToArray();
        header = new AuthorizationHeader(parameters["version"], parameters["keyId"], parameters["algorithm"], names, parameters["signature"]);
        error = null;
        return true;
    }

    [GeneratedRegex("([A-Za-z]+)=\"([^\"]*)\"")]
    private static partial Regex ParameterPattern();
}
