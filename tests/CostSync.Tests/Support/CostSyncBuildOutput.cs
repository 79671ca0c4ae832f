using System.Reflection;

namespace CostSync.Tests.Support;

/// <summary>
/// src/CostSync's own build output (what <c>dotnet run --project src/CostSync</c> runs), for tests that start CostSync as a
/// process. Not the test folder's copy of CostSync.dll: that one runs with the test project's dependencies (ASP.NET Core).
/// </summary>
internal static class CostSyncBuildOutput
{
    public static string Directory { get; } = Path.Combine(
        RepositoryRoot.Find(),
        "src",
        "CostSync",
        "bin",
        typeof(CostSyncBuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        "net10.0");

    public static string Assembly => Path.Combine(Directory, "CostSync.dll");
}
