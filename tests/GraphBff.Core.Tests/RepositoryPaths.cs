namespace GraphBff.Core.Tests;

/// <summary>Finds the repository's <c>schema/</c> folder from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string SchemaDirectory { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "schema");
            if (Directory.Exists(Path.Combine(candidate, "sources")) && File.Exists(Path.Combine(directory.FullName, "GraphBff.sln")))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        throw new DirectoryNotFoundException("No schema/ folder above " + AppContext.BaseDirectory);
    }
}
