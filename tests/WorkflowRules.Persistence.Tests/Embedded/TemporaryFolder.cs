namespace WorkflowRules.Persistence.Tests.Embedded;

/// <summary>A folder for one test's cluster (plus its lock file), removed afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "workflowrules-tests", "embedded-" + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>Does not exist until a test or the server creates it.</summary>
    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }

        File.Delete(Path + ".lock");
    }
}
