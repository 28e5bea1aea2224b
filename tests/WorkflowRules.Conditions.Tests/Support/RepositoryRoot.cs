namespace WorkflowRules.Conditions.Tests.Support;

/// <summary>The repository's root: the first folder above the test binaries that holds WorkflowRules.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WorkflowRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No WorkflowRules.sln above {AppContext.BaseDirectory}.");
    }
}
