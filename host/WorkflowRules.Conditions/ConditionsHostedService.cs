using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkflowRules.Conditions.CompiledCache;
using WorkflowRules.Conditions.Scripts;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions;

/// <summary>
/// Start-up work that must not delay the host: warm the compiler (its first compile in a process costs
/// 0.5-2.4 s), prune the compiled cache on disk, read the scripts folder, then watch it. Runs in the background; a condition evaluated before it
/// finishes simply waits for the compiler.
/// </summary>
public sealed partial class ConditionsHostedService : BackgroundService
{
    /// <summary>Touches what real conditions use: member access, LINQ with a lambda, a loop and the budget checks.</summary>
    internal const string WarmUpCode = "Record.Name.Length > 0 && new[] { 1, 2 }.Any(x => x > 1)";

    private readonly IConditionEvaluator _evaluator;
    private readonly ConditionScriptCatalog _scripts;
    private readonly ConditionScriptWatcher _watcher;
    private readonly CompiledConditionStore? _compiledCache;
    private readonly TimeSpan _compiledCacheRetention;
    private readonly ILogger<ConditionsHostedService> _logger;

    internal ConditionsHostedService(
        IConditionEvaluator evaluator,
        ConditionScriptCatalog scripts,
        ConditionScriptWatcher watcher,
        CompiledConditionStore? compiledCache,
        TimeSpan compiledCacheRetention,
        ILogger<ConditionsHostedService> logger)
    {
        _evaluator = evaluator;
        _scripts = scripts;
        _watcher = watcher;
        _compiledCache = compiledCache;
        _compiledCacheRetention = compiledCacheRetention;
        _logger = logger;
    }

    public override void Dispose()
    {
        _watcher.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            WarmUp();
            stoppingToken.ThrowIfCancellationRequested();
            _compiledCache?.Prune(_compiledCacheRetention);
            _scripts.Refresh();
            _watcher.Start();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Conditions still compile on demand and scripts are read on first use: not worth stopping the host for.
            LogStartFailed(_logger, e);
        }
    }

    private void WarmUp()
    {
        var started = Stopwatch.GetTimestamp();
        var source = ConditionSource.Inline(WarmUpCode);
        var sample = new ConditionEvent("warm-up", "system", DateTimeOffset.UnixEpoch);
        var outcome = _evaluator.Evaluate(source, typeof(ConditionEvent), sample, null, sample);
        _evaluator.Retire(source, typeof(ConditionEvent));
        LogWarmedUp(_logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome.Failure?.Message ?? "ok");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Warming the condition compiler or reading the scripts folder failed; conditions compile on first use instead")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Condition compiler warmed up in {ElapsedMs:0} ms ({Outcome})")]
    private static partial void LogWarmedUp(ILogger logger, double elapsedMs, string outcome);
}
