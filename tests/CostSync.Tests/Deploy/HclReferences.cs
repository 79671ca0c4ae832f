using System.Text;
using System.Text.RegularExpressions;

namespace CostSync.Tests.Deploy;

/// <summary>
/// The references in hcl2json strings. Only code is read: the <c>${…}</c> parts of a template, and inside them everything
/// but the literal text of quoted strings and heredocs (policy statements, shell commands), whose own <c>${…}</c> are code again.
/// </summary>
internal static partial class HclReferences
{
    /// <summary>Every <c>var.x</c>, <c>local.x</c>, <c>data.type.x</c> and <c>type.x</c> (resource) in <paramref name="template"/>, in order.</summary>
    public static IEnumerable<string> In(string template)
    {
        foreach (var code in Expressions(template))
        {
            var iterators = ForIterator().Matches(code).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }).ToHashSet();
            foreach (Match match in Reference().Matches(code))
            {
                if (!iterators.Contains(match.Groups["root"].Value))
                {
                    yield return match.Value;
                }
            }
        }
    }

    /// <summary>The code of each top-level <c>${…}</c> of a template, string literals blanked.</summary>
    public static IReadOnlyList<string> Expressions(string template)
    {
        var result = new List<string>();
        var i = 0;
        while (i < template.Length)
        {
            if (template.AsSpan(i).StartsWith("$${") || template.AsSpan(i).StartsWith("%%{"))
            {
                i += 3;
            }
            else if (template.AsSpan(i).StartsWith("${") || template.AsSpan(i).StartsWith("%{"))
            {
                i += 2;
                var code = new StringBuilder();
                ReadCode(template, ref i, code);
                result.Add(code.ToString());
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    /// <summary>Reads code up to its closing brace (consumed); appends the code, not the literals, to <paramref name="code"/>.</summary>
    private static void ReadCode(string text, ref int i, StringBuilder code)
    {
        var depth = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                ReadLiteral(text, ref i, code, closing: "\"");
                continue;
            }

            if (c == '<' && HeredocMarker(text, i) is { } heredoc)
            {
                i = heredoc.BodyStart;
                ReadLiteral(text, ref i, code, closing: heredoc.Marker);
                continue;
            }

            i++;
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                code.Append(' ');
                return;
            }

            code.Append(c);
        }

        throw new FormatException($"Unclosed ${{ in: {text}");
    }

    /// <summary>Skips literal text up to <paramref name="closing"/> (a quote, or a heredoc's closing line); reads its interpolations as code.</summary>
    private static void ReadLiteral(string text, ref int i, StringBuilder code, string closing)
    {
        var quoted = closing == "\"";
        while (i < text.Length)
        {
            if (quoted && text[i] == '\\')
            {
                i += 2;
            }
            else if (quoted && text[i] == '"')
            {
                i++;
                return;
            }
            else if (!quoted && (i == 0 || text[i - 1] == '\n') && text.AsSpan(i).TrimStart(' ').StartsWith(closing) && EndsLine(text, i + (text.AsSpan(i).Length - text.AsSpan(i).TrimStart(' ').Length) + closing.Length))
            {
                i += text.AsSpan(i).Length - text.AsSpan(i).TrimStart(' ').Length + closing.Length;
                return;
            }
            else if (text.AsSpan(i).StartsWith("$${") || text.AsSpan(i).StartsWith("%%{"))
            {
                i += 3;
            }
            else if (text.AsSpan(i).StartsWith("${") || text.AsSpan(i).StartsWith("%{"))
            {
                i += 2;
                code.Append(' ');
                ReadCode(text, ref i, code);
            }
            else
            {
                i++;
            }
        }

        throw new FormatException($"Unclosed string or heredoc in: {text}");
    }

    private static bool EndsLine(string text, int index) => index >= text.Length || text[index] is '\n' or '\r' or ')' or ' ';

    private static (string Marker, int BodyStart)? HeredocMarker(string text, int i)
    {
        var match = Heredoc().Match(text, i);
        return match.Success && match.Index == i ? (match.Groups[1].Value, match.Index + match.Length) : null;
    }

    // var.x / local.x / data.type.x / type.x where a resource type always has an underscore (provider_thing).
    [GeneratedRegex(@"(?<![\w.\-])(?:(?<root>var|local)\.[A-Za-z_][\w-]*|(?<root>data)\.[a-z][a-z0-9_]*\.[A-Za-z_][\w-]*|(?<root>[a-z][a-z0-9]*_[a-z0-9_]+)\.[A-Za-z_][\w-]*)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\bfor\s+(\w+)(?:\s*,\s*(\w+))?\s+in\b")]
    private static partial Regex ForIterator();

    [GeneratedRegex(@"<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n")]
    private static partial Regex Heredoc();
}
