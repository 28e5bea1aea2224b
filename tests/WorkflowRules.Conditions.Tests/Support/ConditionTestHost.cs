using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowRules.Conditions.Evaluation;
using WorkflowRules.Conditions.Scripts;

namespace WorkflowRules.Conditions.Tests.Support;

/// <summary>
/// The conditions feature wired exactly as the host wires it (AddWorkflowConditions), with its own scripts
/// folder and log, so every test arranges its own state and tests run in parallel.
/// </summary>
public sealed class ConditionTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    // compiledCacheDirectory: the compiled cache on disk, owned by the caller (hosts may share one); none when null.
    // clock: the host's TimeProvider (the system's when null).
    public ConditionTestHost(
        TimeSpan? timeBudget = null, IConditionRecordTypeResolver? resolver = null, TimeSpan? debounce = null, string? compiledCacheDirectory = null, TimeProvider? clock = null)
    {
        ScriptsDirectory = Directory.CreateTempSubdirectory("conditions-tests-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Conditions:ScriptsDirectory"] = ScriptsDirectory,
                ["Conditions:TimeBudget"] = (timeBudget ?? TimeSpan.FromMilliseconds(250)).ToString(),
                ["Conditions:ScriptDebounce"] = (debounce ?? TimeSpan.FromMilliseconds(50)).ToString(),
                ["Conditions:CompiledCacheDirectory"] = compiledCacheDirectory,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Log));
        services.AddSingleton(resolver ?? new TestRecordTypeResolver());
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddWorkflowConditions(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string ScriptsDirectory { get; }

    public ListLoggerProvider Log { get; } = new();

    public IConditionEvaluator Evaluator => _services.GetRequiredService<IConditionEvaluator>();

    public IConditionValidator Validator => _services.GetRequiredService<IConditionValidator>();

    public IConditionScriptCatalog Scripts => _services.GetRequiredService<IConditionScriptCatalog>();

    internal ConditionCache Cache => _services.GetRequiredService<ConditionCache>();

    internal ConditionScriptWatcher Watcher => _services.GetRequiredService<ConditionScriptWatcher>();

    public string WriteScript(string name, string code)
    {
        var path = Path.Combine(ScriptsDirectory, name + ".csx");
        File.WriteAllText(path, code);
        return path;
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(ScriptsDirectory, recursive: true);
    }
}
