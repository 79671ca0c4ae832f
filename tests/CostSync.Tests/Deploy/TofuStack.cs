using CostSync.Tests.Support;

namespace CostSync.Tests.Deploy;

/// <summary>Where the deploy files live in the repository.</summary>
internal static class TofuStack
{
    public static string Deploy => Path.Combine(RepositoryRoot.Find(), "deploy");

    public static string Directory => Path.Combine(Deploy, "tofu");
}
