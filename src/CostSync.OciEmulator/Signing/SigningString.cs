using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CostSync.OciEmulator.Signing;

/// <summary>Rebuilds the signing string from the headers as received and the raw request target.</summary>
internal static class SigningString
{
    public static bool TryBuild(HttpRequest request, string rawTarget, IReadOnlyList<string> names, [NotNullWhen(true)] out string? signingString, [NotNullWhen(false)] out string? error)
    {
        var builder = new StringBuilder();
        foreach (string name in names)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            if (name == "(request-target)")
            {
                builder.Append("(request-target): ").Append(request.Method.ToLowerInvariant()).Append(' ').Append(rawTarget);
                continue;
            }

            if (!request.Headers.TryGetValue(name, out var values) || values.Count == 0)
            {
                signingString = null;
                error = $"The signature lists header '{name}' but the request does not carry it.";
                return false;
            }

            builder.Append(name).Append(": ").Append(values.ToString());
        }

        signingString = builder.ToString();
        error = null;
        return true;
    }
}
