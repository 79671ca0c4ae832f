using System.Reflection;
using System.Text.RegularExpressions;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Repository;

/// <summary>
/// README's "Guarantees" section promises only what a test proves: every guarantee names at least one test, every test it
/// names exists in this assembly, and the count of bad-input cases it quotes is the catalogue's.
/// </summary>
public sealed partial class GuaranteesSectionTests
{
    private static readonly Lazy<IReadOnlyList<string>> Guarantees = new(Read);

    [Fact]
    public void Readme_GuaranteesSection_HasGuarantees() => Assert.True(Guarantees.Value.Count >= 8, $"{Guarantees.Value.Count} guarantees");

    [Fact]
    public void Readme_EveryGuarantee_NamesAtLeastOneTest() =>
        Assert.All(Guarantees.Value, g => Assert.True(TestReference().IsMatch(g), $"names no test: {g}"));

    [Fact]
    public void Readme_EveryTestNamedInGuarantees_Exists() =>
        Assert.All(Guarantees.Value.SelectMany(g => TestReference().Matches(g)).Select(m => m.Groups[1].Value), name =>
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var type = Types().SingleOrDefault(t => t.Name == (dot < 0 ? name : name[..dot]));
            Assert.True(type is not null, $"`{name}`: no test class of that name");
            if (dot >= 0)
            {
                var method = type.GetMethod(name[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
                Assert.True(method?.GetCustomAttributes<FactAttribute>().Any() == true, $"`{name}`: no test method of that name");
            }
        });

    [Fact]
    public void Readme_BadInputCount_IsTheCatalogues()
    {
        var quoted = Guarantees.Value.Select(g => QuotedCaseCount().Match(g)).Single(m => m.Success);
        var catalogue = File.ReadLines(Path.Combine(RepositoryRoot.Find(), "tests", "CostSync.Tests", "BadInput", "README.md")).Count(l => l.StartsWith("| `", StringComparison.Ordinal));

        Assert.Equal(catalogue, int.Parse(quoted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Type[] Types() => typeof(GuaranteesSectionTests).Assembly.GetTypes();

    private static List<string> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var start = Array.IndexOf(lines, "## Guarantees");
        Assert.True(start >= 0, "README.md has no \"## Guarantees\" section");
        var section = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));

        var guarantees = new List<string>();
        foreach (var line in section)
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                guarantees.Add(line);
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal) && guarantees.Count > 0)
            {
                guarantees[^1] += " " + line.Trim();
            }
        }

        return guarantees;
    }

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]*(?:Tests|Contract|Check)(?:\.[A-Za-z0-9_]+)?)`")]
    private static partial Regex TestReference();

    [GeneratedRegex(@"(\d+) cases, each with its test")]
    private static partial Regex QuotedCaseCount();
}
