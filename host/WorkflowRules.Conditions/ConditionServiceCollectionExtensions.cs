using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowRules.Conditions.ChangeRules;
using WorkflowRules.Conditions.CompiledCache;
using WorkflowRules.Conditions.Compilation;
using WorkflowRules.Conditions.Evaluation;
using WorkflowRules.Conditions.Scripts;

namespace WorkflowRules.Conditions;

public static class ConditionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConditionValidator"/>, <see cref="IConditionEvaluator"/> and
    /// <see cref="IConditionScriptCatalog"/> (singletons), binds <see cref="ConditionOptions"/> from section
    /// <c>Conditions</c> (validated on start), and a hosted service that warms the compiler, prunes the compiled
    /// cache on disk (when <see cref="ConditionOptions.CompiledCacheDirectory"/> is set) and watches the scripts folder. The host must register an <see cref="IConditionRecordTypeResolver"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowConditions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ConditionOptions>().Bind(configuration.GetSection(ConditionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConditionOptions>, ConditionOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(_ => new ConditionReferences());
        services.TryAddSingleton(sp => new ConditionCompiler(sp.GetRequiredService<ConditionReferences>()));
        services.TryAddSingleton<FieldChangeRuleEvaluator>();
        services.TryAddSingleton(sp => new ConditionCache(
            sp.GetRequiredService<ConditionCompiler>(),
            sp.GetRequiredService<ConditionReferences>(),
            sp.GetRequiredService<ILogger<ConditionCache>>(),
            CompiledStore(sp),
            new CompiledCacheKeys()));
        services.TryAddSingleton(sp => new ConditionRunner(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ConditionOptions>>().Value.TimeBudget));
        services.TryAddSingleton(sp => new ConditionScriptCatalog(
            FromContentRoot(sp, sp.GetRequiredService<IOptions<ConditionOptions>>().Value.ScriptsDirectory),
            sp.GetRequiredService<IConditionRecordTypeResolver>(),
            sp.GetRequiredService<ConditionCache>(),
            sp.GetRequiredService<ILogger<ConditionScriptCatalog>>()));
        services.TryAddSingleton(sp => new ConditionScriptWatcher(
            sp.GetRequiredService<ConditionScriptCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ConditionOptions>>().Value.ScriptDebounce,
            sp.GetRequiredService<ILogger<ConditionScriptWatcher>>()));

        services.TryAddSingleton<IConditionScriptCatalog>(sp => sp.GetRequiredService<ConditionScriptCatalog>());
        services.TryAddSingleton<IConditionValidator>(sp => new ConditionValidator(
            sp.GetRequiredService<ConditionCompiler>(), sp.GetRequiredService<ConditionScriptCatalog>()));
        services.TryAddSingleton<IConditionEvaluator>(sp => new ConditionEvaluator(
            sp.GetRequiredService<ConditionCache>(),
            sp.GetRequiredService<ConditionScriptCatalog>(),
            sp.GetRequiredService<ConditionRunner>()));

        services.AddHostedService(sp => new ConditionsHostedService(
            sp.GetRequiredService<IConditionEvaluator>(),
            sp.GetRequiredService<ConditionScriptCatalog>(),
            sp.GetRequiredService<ConditionScriptWatcher>(),
            sp.GetRequiredService<ConditionCache>().Store,
            sp.GetRequiredService<IOptions<ConditionOptions>>().Value.CompiledCacheRetention,
            sp.GetRequiredService<ILogger<ConditionsHostedService>>()));
        return services;
    }

    private static CompiledConditionStore? CompiledStore(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ConditionOptions>>().Value.CompiledCacheDirectory is { Length: > 0 } directory
            ? new CompiledConditionStore(FromContentRoot(services, directory), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<CompiledConditionStore>>())
            : null;

    /// <summary>Relative folders are taken from the host's content root (the working directory without a host).</summary>
    private static string FromContentRoot(IServiceProvider services, string configured)
    {
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(configured, root);
    }
}
