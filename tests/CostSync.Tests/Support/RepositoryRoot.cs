namespace CostSync.Tests.Support;

/// <summary>Finds the repository root (the folder holding CostSync.sln) from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CostSync.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"CostSync.sln was not found above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}
