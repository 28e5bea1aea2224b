using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Conditions;
using WorkflowRules.Conditions.Evaluation;

namespace WorkflowRules.Benchmarks.Conditions;

/// <summary>The conditions feature wired as the host wires it (<c>AddWorkflowConditions</c>), with its own empty scripts folder.</summary>
internal sealed class ConditionsWiring : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _scriptsDirectory = Directory.CreateTempSubdirectory("conditions-benchmarks-").FullName;

    public ConditionsWiring(string? compiledCacheDirectory = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Conditions:ScriptsDirectory"] = _scriptsDirectory,
                ["Conditions:TimeBudget"] = TimeSpan.FromMilliseconds(250).ToString(),
                ["Conditions:CompiledCacheDirectory"] = compiledCacheDirectory,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConditionRecordTypeResolver>(new BenchmarkRecordTypeResolver());
        services.AddWorkflowConditions(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IConditionEvaluator Evaluator => _services.GetRequiredService<IConditionEvaluator>();

    /// <summary>Compile and disk-hit counters, to show what a figure consisted of.</summary>
    internal ConditionCache Cache => _services.GetRequiredService<ConditionCache>();

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_scriptsDirectory, recursive: true);
    }
}
