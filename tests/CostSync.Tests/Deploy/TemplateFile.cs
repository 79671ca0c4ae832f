using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace CostSync.Tests.Deploy;

/// <summary>
/// Renders a tofu <c>templatefile</c> that uses only <c>${name}</c> interpolations (the deploy templates keep to that, so a
/// test can render them exactly as tofu does): every placeholder must have a value, every value a placeholder.
/// </summary>
internal static partial class TemplateFile
{
    public static IReadOnlySet<string> Placeholders(string template) =>
        Placeholder().Matches(template).Where(m => m.Groups["escape"].Length == 0).Select(m => m.Groups["name"].Value).ToHashSet();

    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        Assert.DoesNotMatch(@"(?<!%)%\{", template); // no directives: the renderer below would not be tofu's
        var placeholders = Placeholders(template);
        Assert.Equal(placeholders.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        var rendered = Placeholder().Replace(template, m => m.Groups["escape"].Length > 0 ? "${" + m.Groups["name"].Value + "}" : values[m.Groups["name"].Value]);
        return rendered.Replace("%%{", "%{", StringComparison.Ordinal);
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [GeneratedRegex(@"(?<escape>\$)?\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
