using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.Extensions.Logging;
using WorkflowRules.Conditions.Compilation;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// Compiled conditions keyed by (text, record type). Lookups are lock-free; compiles are serialized (two threads
/// asking for the same condition compile it once). Entries leave by <see cref="Retire"/> or <see cref="Forget"/>,
/// and an assembly's context unloads when its last entry leaves, so edits and plugin reloads never grow memory.
/// </summary>
internal sealed partial class ConditionCache(ConditionCompiler compiler, ConditionReferences references, ILogger<ConditionCache> logger)
{
    private readonly ConcurrentDictionary<ConditionKey, CompiledCondition> _entries = new();
    private readonly Lock _compileLock = new();

    // Identity-keyed front of _entries. The host passes the same string instances (from its cached workflow
    // definitions) on every event, and an identity lookup costs a fraction of hashing and comparing the whole
    // text. Keys are weak; the table is replaced whenever anything is retired, so it never keeps a retired
    // condition, its load context or a plugin's type alive.
    private volatile ConditionalWeakTable<string, IdentityEntry> _byIdentity = [];

    /// <summary>The cached form of a condition, compiling it (alone) when it is not cached yet.</summary>
    public CompiledCondition GetOrCompile(string code, Type recordType)
    {
        var front = _byIdentity;
        front.TryGetValue(code, out var first);
        for (var entry = first; entry is not null; entry = entry.Next)
        {
            if (entry.RecordType == recordType)
            {
                return entry.Compiled;
            }
        }

        var compiled = GetOrCompileByContent(code, recordType);
        front.AddOrUpdate(code, new IdentityEntry(recordType, compiled, first));
        return compiled;
    }

    private CompiledCondition GetOrCompileByContent(string code, Type recordType)
    {
        var key = new ConditionKey(code, recordType);
        if (_entries.TryGetValue(key, out var found))
        {
            return found;
        }

        lock (_compileLock)
        {
            if (!_entries.TryGetValue(key, out found))
            {
                CompileLocked([(code, recordType)]);
                found = _entries[key];
            }

            return found;
        }
    }

    /// <summary>Compiles every condition not cached yet, one assembly per record-type load context.</summary>
    public void Prepare(IEnumerable<(string Code, Type RecordType)> conditions)
    {
        lock (_compileLock)
        {
            var missing = conditions.Distinct().Where(c => !_entries.ContainsKey(new ConditionKey(c.Code, c.RecordType))).ToList();
            foreach (var group in missing.GroupBy(c => LoadContextOf(c.RecordType)))
            {
                CompileLocked([.. group]);
            }
        }
    }

    public void Retire(string code, Type recordType)
    {
        if (_entries.TryRemove(new ConditionKey(code, recordType), out var retired))
        {
            _byIdentity = [];
            retired.Release();
        }
    }

    /// <summary>Retires a text compiled against any record type (a script's replaced version).</summary>
    public void RetireCode(string code)
    {
        foreach (var key in _entries.Keys.Where(k => string.Equals(k.Code, code, StringComparison.Ordinal)))
        {
            Retire(key.Code, key.RecordType);
        }
    }

    /// <summary>Drops every entry whose record type lives in <paramref name="context"/>; returns how many.</summary>
    public int Forget(AssemblyLoadContext context)
    {
        lock (_compileLock)
        {
            var forgotten = 0;
            foreach (var key in _entries.Keys.Where(k => LoadContextOf(k.RecordType) == context))
            {
                if (_entries.TryRemove(key, out var entry))
                {
                    entry.Release();
                    forgotten++;
                }
            }

            _byIdentity = [];

            references.Forget(context);
            LogForgotten(logger, forgotten, context.Name);
            return forgotten;
        }
    }

    /// <summary>The load contexts currently holding cached conditions (for tests and diagnostics).</summary>
    internal IReadOnlyList<AssemblyLoadContext> LoadContexts =>
        [.. _entries.Values.Select(e => e.Owner?.Context).OfType<AssemblyLoadContext>().Distinct()];

    internal int Count => _entries.Count;

    private static AssemblyLoadContext LoadContextOf(Type type) => AssemblyLoadContext.GetLoadContext(type.Assembly) ?? AssemblyLoadContext.Default;

    private void CompileLocked(IReadOnlyList<(string Code, Type RecordType)> conditions)
    {
        var started = Stopwatch.GetTimestamp();
        CompiledBatch batch;
        try
        {
            batch = compiler.Compile(conditions, LoadContextOf(conditions[0].RecordType));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // E.g. the record type's assembly cannot be read (no file, unloaded plugin): every condition of the
            // batch says why, and evaluations report it instead of throwing into the host. Retire or Forget clears it.
            var diagnostic = new ConditionDiagnostic(1, 1, e.Message, null);
            batch = new CompiledBatch([.. conditions.Select(_ => new CompiledConditionResult(null, [diagnostic]))], null);
        }

        var valid = batch.Results.Count(r => r.Invoke is not null);
        var owner = batch.Context is null || valid == 0 ? null : new ConditionAssembly(batch.Context, valid);
        for (var i = 0; i < conditions.Count; i++)
        {
            var (code, recordType) = conditions[i];
            var result = batch.Results[i];
            var failure = result.Invoke is null ? ConditionFailures.Invalid(result.Diagnostics) : null;
            _entries[new ConditionKey(code, recordType)] = new CompiledCondition(ConditionHash.Of(code), result.Invoke, failure, result.Invoke is null ? null : owner);
        }

        LogCompiled(logger, conditions.Count, conditions.Count - valid, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private sealed record IdentityEntry(Type RecordType, CompiledCondition Compiled, IdentityEntry? Next);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Compiled {Count} condition(s) into one assembly ({Invalid} invalid) in {ElapsedMs:0.0} ms")]
    private static partial void LogCompiled(ILogger logger, int count, int invalid, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} compiled condition(s) written against types of load context {Context}")]
    private static partial void LogForgotten(ILogger logger, int count, string? context);
}
