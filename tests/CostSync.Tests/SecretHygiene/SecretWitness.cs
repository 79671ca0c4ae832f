using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CostSync.Tests.SecretHygiene;

/// <summary>
/// Collects the secrets tests hand to CostSync (AWS keys in Vault, OCI private keys and pass phrases, security tokens, request
/// signatures) and everything CostSync produced (log lines, exception messages, alert bodies, output, state files, ledger
/// objects), and finds any secret inside any of it. <see cref="Suite"/> is the whole test run's, checked when it ends.
/// </summary>
internal sealed partial class SecretWitness
{
    /// <summary>Long secrets are found by 24-character anchors (their first and last 24), short ones by whole word.</summary>
    private const int AnchorLength = 24;
    private const int MinimumLength = 6;
    private readonly ConcurrentDictionary<string, string> _anchors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Where, string Text)> _seen = new();

    /// <summary>The witness every harness of the test run reports into.</summary>
    public static SecretWitness Suite { get; } = new();

    public int SecretCount => _anchors.Count + _words.Count;

    public int TextCount => _seen.Count;

    /// <summary>Registers a secret: a PEM by its body lines, a JSON object by its string values, anything else as it is (trimmed).</summary>
    public void Secret(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var trimmed = value.Trim();
        if (trimmed.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            foreach (var line in trimmed.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= AnchorLength && !l.StartsWith("-----", StringComparison.Ordinal)))
            {
                Add(line, what);
            }

            return;
        }

        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(trimmed);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                    {
                        Secret(property.Value.GetString(), $"{what} ({property.Name})");
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the whole text is the secret.
            }
        }

        Add(trimmed, what);
    }

    /// <summary>Records something CostSync produced; <paramref name="where"/> says what it is (e.g. "log line of CliEndToEndTests").</summary>
    public void Saw(string where, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _seen.Enqueue((where, text));
        }
    }

    /// <summary>Each secret found in something produced: what it is, where, and the text around it.</summary>
    public IReadOnlyList<string> Leaks()
    {
        var leaks = new List<string>();
        var words = _words.ToArray();
        foreach (var (where, text) in _seen)
        {
            foreach (Match run in TokenRun().Matches(text))
            {
                for (var i = 0; i + AnchorLength <= run.Length; i++)
                {
                    if (_anchors.TryGetValue(run.Value.Substring(i, AnchorLength), out var what))
                    {
                        leaks.Add(Describe(what, where, text, run.Index + i));
                        break;
                    }
                }
            }

            foreach (var (word, what) in words)
            {
                var at = text.IndexOf(word, StringComparison.Ordinal);
                while (at >= 0)
                {
                    if (IsWordAt(text, at, word.Length))
                    {
                        leaks.Add(Describe(what, where, text, at));
                        break;
                    }

                    at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
                }
            }
        }

        return leaks;
    }

    private static bool IsWordAt(string text, int at, int length) =>
        (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + length == text.Length || !char.IsLetterOrDigit(text[at + length]));

    private static string Describe(string what, string where, string text, int at)
    {
        var from = Math.Max(0, at - 40);
        var excerpt = text.Substring(from, Math.Min(100, text.Length - from)).ReplaceLineEndings(" ");
        return $"{what} in {where}: …{excerpt}…";
    }

    private void Add(string secret, string what)
    {
        if (secret.Length >= AnchorLength)
        {
            _anchors.TryAdd(secret[..AnchorLength], what);
            _anchors.TryAdd(secret[^AnchorLength..], what);
        }
        else if (secret.Length >= MinimumLength)
        {
            _words.TryAdd(secret, what);
        }
    }

    // Where a long secret would sit: base64, base64url, JWT dots, hex, and the ST$ of a key id.
    [GeneratedRegex(@"[A-Za-z0-9+/=_\-.$:]{24,}")]
    private static partial Regex TokenRun();
}
