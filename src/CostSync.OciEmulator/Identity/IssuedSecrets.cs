using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CostSync.OciEmulator.Identity;

/// <summary>
/// Every secret the emulator handed out or received: private keys (API key, session and instance keys), security tokens, request
/// signatures and Vault secret contents. Tests check that none of them appears in anything CostSync logs, prints, alerts or stores.
/// </summary>
internal sealed partial class IssuedSecrets
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Each secret and what it is (e.g. <c>request signature</c>).</summary>
    public IReadOnlyDictionary<string, string> All => new Dictionary<string, string>(_values, StringComparer.Ordinal);

    public void Add(string? value, string what)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _values.TryAdd(value, what);
        }
    }

    /// <summary>Adds the <c>signature="…"</c> of an <c>Authorization</c> header.</summary>
    public void AddSignature(string? authorization)
    {
        if (authorization is not null && SignatureParameter().Match(authorization) is { Success: true } match)
        {
            Add(match.Groups[1].Value, "request signature");
        }
    }

    [GeneratedRegex("signature=\"([^\"]+)\"")]
    private static partial Regex SignatureParameter();
}
