using System.Reflection;
using System.Text.RegularExpressions;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.BadInput;

/// <summary>
/// Keeps <c>tests/CostSync.Tests/BadInput/README.md</c>, the catalogue of bad inputs, true: each row names tests that exist
/// (and, for a table-driven test, the row with that case), every case of the suites in this folder has a row, and there are at
/// least 40 cases.
/// </summary>
public sealed partial class BadInputCatalogueTests
{
    private static readonly Lazy<IReadOnlyList<(string Case, IReadOnlyList<string> Tests)>> Rows = new(Read);

    [Fact]
    public void Catalogue_CountsAtLeastFortyCases() => Assert.True(Rows.Value.Count >= 40, $"{Rows.Value.Count} cases");

    [Fact]
    public void Catalogue_EveryRowNamesExistingTestsAndItsCase()
    {
        Assert.All(Rows.Value, row =>
        {
            Assert.NotEmpty(row.Tests);
            foreach (var test in row.Tests)
            {
                var method = Method(test);
                Assert.True(method is not null, $"`{row.Case}` names `{test}`, which is not a test method in this assembly");
                var cases = Cases(method).ToList();
                Assert.True(cases.Count == 0 || cases.Contains(row.Case), $"`{test}` has no row `{row.Case}` (its rows: {string.Join(", ", cases)})");
            }
        });
    }

    [Fact]
    public void Catalogue_ListsEveryCaseOfTheBadInputSuites()
    {
        var listed = Rows.Value.Select(r => r.Case).ToHashSet(StringComparer.Ordinal);
        var suites = typeof(BadInputCatalogueTests).Assembly.GetTypes().Where(t => t.Namespace == typeof(BadInputCatalogueTests).Namespace);
        var tests = suites.SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttributes<FactAttribute>().Any()).ToList();

        Assert.NotEmpty(tests);
        Assert.All(tests.Where(m => m.DeclaringType != typeof(BadInputCatalogueTests)), m =>
        {
            var cases = Cases(m).ToList();
            if (cases.Count == 0)
            {
                Assert.Contains(Rows.Value, r => r.Tests.Contains($"{m.DeclaringType!.Name}.{m.Name}"));
            }

            Assert.All(cases, c => Assert.True(listed.Contains(c), $"`{c}` of {m.DeclaringType!.Name}.{m.Name} is not in the catalogue"));
        });
    }

    private static IEnumerable<string> Cases(MethodInfo method) =>
        method.GetCustomAttributes<InlineDataAttribute>().Select(a => a.Data.FirstOrDefault()).OfType<string>()
            .Where(_ => method.GetParameters().FirstOrDefault()?.Name == "case");

    private static MethodInfo? Method(string test)
    {
        var dot = test.LastIndexOf('.');
        var type = typeof(BadInputCatalogueTests).Assembly.GetTypes().SingleOrDefault(t => t.Name == test[..dot]);
        var method = type?.GetMethod(test[(dot + 1)..]);
        return method?.GetCustomAttributes<FactAttribute>().Any() == true ? method : null;
    }

    private static List<(string Case, IReadOnlyList<string> Tests)> Read()
    {
        var rows = new List<(string, IReadOnlyList<string>)>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Find(), "tests", "CostSync.Tests", "BadInput", "README.md")))
        {
            if (CatalogueRow().Match(line) is { Success: true } row)
            {
                rows.Add((row.Groups["case"].Value, [.. Backticked().Matches(row.Groups["tests"].Value).Select(m => m.Groups[1].Value)]));
            }
        }

        Assert.Equal(rows.Count, rows.Select(r => r.Item1).Distinct(StringComparer.Ordinal).Count());
        return rows;
    }

    [GeneratedRegex(@"^\| `(?<case>[a-z0-9-]+)` \| [^|]+ \| (?<tests>.+) \|$")]
    private static partial Regex CatalogueRow();

    [GeneratedRegex("`([A-Za-z0-9_.]+)`")]
    private static partial Regex Backticked();
}
