using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.Extensions.Logging;
using WorkflowRules.Conditions.CompiledCache;
using WorkflowRules.Conditions.Compilation;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// Compiled conditions keyed by (text, record type). Lookups are lock-free; compiles are serialized (two threads
/// asking for the same condition compile it once). Entries leave by <see cref="Retire"/> or <see cref="Forget"/>,
/// and an assembly's context unloads when its last entry leaves, so edits and plugin reloads never grow memory.
/// With a <see cref="CompiledConditionStore"/>, what is not in memory is looked up on disk before it is compiled,
/// and what is compiled is written there.
/// </summary>
internal sealed partial class ConditionCache(
    ConditionCompiler compiler,
    ConditionReferences references,
    ILogger<ConditionCache> logger,
    CompiledConditionStore? store = null,
    CompiledCacheKeys? keys = null)
{
    private readonly ConcurrentDictionary<ConditionKey, CompiledCondition> _entries = new();
    private readonly Lock _compileLock = new();
    private readonly ConditionJitWarmer _warmer = new(logger);

    // Identity-keyed front of _entries. The host passes the same string instances (from its cached workflow
    // definitions) on every event, and an identity lookup costs a fraction of hashing and comparing the whole
    // text. Keys are weak; the table is replaced whenever anything is retired, so it never keeps a retired
    // condition, its load context or a plugin's type alive.
    private volatile ConditionalWeakTable<string, IdentityEntry> _byIdentity = [];
    private int _generation;
    private int _compiles;
    private int _loadedFromDisk;

    /// <summary>
    /// Moves on whenever an entry leaves (retire, forget) or a script changes, so that holders of compiled
    /// delegates (<see cref="ConditionHandle"/>) know to resolve again. A volatile read: the handle's fast path.
    /// </summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>Tells handles to resolve again, e.g. because a script was added, changed or removed.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

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

    /// <summary>
    /// Compiles (or loads from disk) every condition not cached yet, one assembly per record-type load context, then
    /// has their machine code compiled in the background (<see cref="ConditionJitWarmer"/>).
    /// </summary>
    public void Prepare(IEnumerable<(string Code, Type RecordType)> conditions)
    {
        List<(ConditionKey, CompiledCondition)> added = [];
        lock (_compileLock)
        {
            var missing = conditions.Distinct().Select(c => new ConditionKey(c.Code, c.RecordType)).Where(k => !_entries.ContainsKey(k)).ToList();
            foreach (var group in missing.GroupBy(k => LoadContextOf(k.RecordType)))
            {
                CompileLocked([.. group.Select(k => (k.Code, k.RecordType))]);
            }

            foreach (var key in missing)
            {
                if (_entries.TryGetValue(key, out var compiled) && compiled.Invoke is not null)
                {
                    added.Add((key, compiled));
                }
            }
        }

        _warmer.Warm(added, (key, compiled) => _entries.TryGetValue(key, out var current) && ReferenceEquals(current, compiled));
    }

    public void Retire(string code, Type recordType)
    {
        if (_entries.TryRemove(new ConditionKey(code, recordType), out var retired))
        {
            _byIdentity = [];
            Invalidate();
            retired.Release();
        }
    }

    /// <summary>Retires a text compiled against any record type (a script's replaced version).</summary>
    public void RetireCode(string code)
    {
        // Even when no entry holds the text any more, a handle may still resolve a script to it.
        Invalidate();
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
            Invalidate();

            references.Forget(context);
            LogForgotten(logger, forgotten, context.Name);
            return forgotten;
        }
    }

    /// <summary>The load contexts currently holding cached conditions (for tests and diagnostics).</summary>
    internal IReadOnlyList<AssemblyLoadContext> LoadContexts =>
        [.. _entries.Values.Select(e => e.Owner?.Context).OfType<AssemblyLoadContext>().Distinct()];

    internal int Count => _entries.Count;

    /// <summary>The compiled cache on disk, when one is configured.</summary>
    internal CompiledConditionStore? Store => store;

    /// <summary>How many times the compiler ran (one batch each): proves a disk hit compiled nothing.</summary>
    internal int Compiles => Volatile.Read(ref _compiles);

    /// <summary>How many prepared conditions had their machine code compiled before their first evaluation.</summary>
    internal int Warmed => _warmer.Warmed;

    /// <summary>How many conditions came from the compiled cache on disk.</summary>
    internal int LoadedFromDisk => Volatile.Read(ref _loadedFromDisk);

    private static AssemblyLoadContext LoadContextOf(Type type) => AssemblyLoadContext.GetLoadContext(type.Assembly) ?? AssemblyLoadContext.Default;

    private void CompileLocked(IReadOnlyList<(string Code, Type RecordType)> conditions)
    {
        var started = Stopwatch.GetTimestamp();
        var recordContext = LoadContextOf(conditions[0].RecordType);
        var diskKeys = DiskKeys(conditions);
        var pending = conditions;
        var pendingKeys = diskKeys;
        if (store is not null && diskKeys is not null)
        {
            var loaded = LoadFromDisk(store, diskKeys, recordContext);
            foreach (var group in Enumerable.Range(0, conditions.Count).Where(i => loaded.Invokes[i] is not null).GroupBy(i => loaded.Contexts[i]!))
            {
                var cached = new ConditionAssembly(group.Key, group.Count());
                foreach (var i in group)
                {
                    var (code, recordType) = conditions[i];
                    _entries[new ConditionKey(code, recordType)] = new CompiledCondition(ConditionHash.Of(code), loaded.Invokes[i], null, cached);
                }
            }

            var missed = Enumerable.Range(0, conditions.Count).Where(i => loaded.Invokes[i] is null).ToList();
            pending = [.. missed.Select(i => conditions[i])];
            pendingKeys = [.. missed.Select(i => diskKeys[i])];
            Interlocked.Add(ref _loadedFromDisk, conditions.Count - missed.Count);
            if (pending.Count == 0)
            {
                LogLoaded(logger, conditions.Count, store.Directory, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
        }

        var batchKey = pendingKeys is null ? null : CompiledCacheKeys.OfBatch(pendingKeys);
        CompiledBatch batch;
        try
        {
            Interlocked.Increment(ref _compiles);
            batch = compiler.Compile(pending, recordContext, batchKey is null ? null : "GeneratedConditions_" + batchKey[..32]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // E.g. the record type's assembly cannot be read (no file, unloaded plugin): every condition of the
            // batch says why, and evaluations report it instead of throwing into the host. Retire or Forget clears it.
            var diagnostic = new ConditionDiagnostic(1, 1, e.Message, null);
            batch = new CompiledBatch([.. pending.Select(_ => new CompiledConditionResult(null, [diagnostic]))], null);
        }

        var valid = batch.Results.Count(r => r.Invoke is not null);
        var owner = batch.Context is null || valid == 0 ? null : new ConditionAssembly(batch.Context, valid);
        for (var i = 0; i < pending.Count; i++)
        {
            var (code, recordType) = pending[i];
            var result = batch.Results[i];
            var failure = result.Invoke is null ? ConditionFailures.Invalid(result.Diagnostics) : null;
            _entries[new ConditionKey(code, recordType)] = new CompiledCondition(ConditionHash.Of(code), result.Invoke, failure, result.Invoke is null ? null : owner);
        }

        if (store is not null && pendingKeys is not null && batchKey is not null)
        {
            store.Save(pendingKeys, batchKey, batch);
        }

        LogCompiled(logger, pending.Count, pending.Count - valid, conditions.Count - pending.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>What the disk cache has; anything it throws is a miss, never a failure of the evaluation that asked.</summary>
    private LoadedConditions LoadFromDisk(CompiledConditionStore disk, string[] diskKeys, AssemblyLoadContext recordContext)
    {
        try
        {
            return disk.Load(diskKeys, recordContext);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogDiskFailed(logger, disk.Directory, e);
            return new LoadedConditions(new ConditionInvoker?[diskKeys.Length], new ConditionLoadContext?[diskKeys.Length]);
        }
    }

    /// <summary>The disk cache keys of <paramref name="conditions"/>, or null without a disk cache (or when a record assembly cannot be described).</summary>
    private string[]? DiskKeys(IReadOnlyList<(string Code, Type RecordType)> conditions)
    {
        if (store is null || keys is null)
        {
            return null;
        }

        try
        {
            return [.. conditions.Select(c => keys.Of(c.Code, c.RecordType))];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Compiling reports the same problem with the record type's assembly, per condition.
            return null;
        }
    }

    private sealed record IdentityEntry(Type RecordType, CompiledCondition Compiled, IdentityEntry? Next);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Compiled {Count} condition(s) into one assembly ({Invalid} invalid, {Loaded} more loaded from the compiled cache) in {ElapsedMs:0.0} ms")]
    private static partial void LogCompiled(ILogger logger, int count, int invalid, int loaded, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading compiled conditions from {Directory} failed; compiling them instead")]
    private static partial void LogDiskFailed(ILogger logger, string directory, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loaded {Count} compiled condition(s) from {Directory} in {ElapsedMs:0.0} ms")]
    private static partial void LogLoaded(ILogger logger, int count, string directory, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} compiled condition(s) written against types of load context {Context}")]
    private static partial void LogForgotten(ILogger logger, int count, string? context);
}
