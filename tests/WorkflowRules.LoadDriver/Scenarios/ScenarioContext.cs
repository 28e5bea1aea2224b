using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>What every scenario gets: the repository, the PostgreSQL cluster, a work folder and the report.</summary>
internal sealed class ScenarioContext(RepositoryLayout layout, PostgresForLoad postgres, string workDirectory, bool smoke, FigureReport report)
{
    public RepositoryLayout Layout => layout;

    public PostgresForLoad Postgres => postgres;

    public FigureReport Report => report;

    /// <summary>Smoke mode: each scenario runs briefly with small counts, to prove it works; its figures mean nothing.</summary>
    public bool Smoke => smoke;

    /// <summary>The Hangfire ceiling measured earlier in this run, if the ceiling scenario ran.</summary>
    public CeilingResult? LastCeiling { get; set; }

    /// <summary>A unique run id, so idempotency keys never collide across runs.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Picks the full-run or the smoke-run value.</summary>
    public T Pick<T>(T full, T smokeValue) => smoke ? smokeValue : full;

    /// <summary>A fresh folder for one scenario (host storage, plugin copies, host log).</summary>
    public string ScenarioDirectory(string scenario)
    {
        var directory = Path.Combine(workDirectory, scenario);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>A private copy of the built plugin folders, so a scenario may change it without touching the build output.</summary>
    public string CopyPlugins(string scenario)
    {
        var target = Path.Combine(ScenarioDirectory(scenario), "plugins");
        CopyDirectory(layout.PluginArtifacts, target);
        return target;
    }

    /// <summary>Starts the host on a fresh database named after the scenario.</summary>
    public async Task<(HostProcess Host, string ConnectionString)> StartHostAsync(
        string scenario, IReadOnlyDictionary<string, string>? overrides, CancellationToken cancellationToken)
    {
        var connectionString = await postgres.CreateDatabaseAsync(scenario, cancellationToken);
        var settings = new HostSettings(connectionString, CopyPlugins(scenario)) { Overrides = overrides ?? new Dictionary<string, string>() };
        return (await HostProcess.StartAsync(layout, settings, ScenarioDirectory(scenario), cancellationToken), connectionString);
    }

    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
