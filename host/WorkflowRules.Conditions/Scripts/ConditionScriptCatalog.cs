using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using WorkflowRules.Conditions.Compilation;
using WorkflowRules.Conditions.Evaluation;

namespace WorkflowRules.Conditions.Scripts;

/// <summary>
/// The scripts folder (<c>&lt;name&gt;.csx</c>, first line <c>// record: Type</c>). A file is re-read when the
/// watcher reports a change (after a quiet period), or on demand. A version that compiles becomes the one in
/// use at once; one that does not is reported (catalog, log) while the last good version keeps running.
/// </summary>
internal sealed partial class ConditionScriptCatalog : IConditionScriptCatalog
{
    public const string Extension = ".csx";

    private readonly IConditionRecordTypeResolver _resolver;
    private readonly ConditionCache _cache;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ConditionScript> _scripts = new(StringComparer.Ordinal);
    private readonly Lock _refreshLock = new();
    private volatile bool _scanned;

    public ConditionScriptCatalog(string directory, IConditionRecordTypeResolver resolver, ConditionCache cache, ILogger<ConditionScriptCatalog> logger)
    {
        Directory = Path.GetFullPath(directory);
        _resolver = resolver;
        _cache = cache;
        _logger = logger;
    }

    /// <summary>The absolute path of the scripts folder.</summary>
    public string Directory { get; }

    public IReadOnlyList<ConditionScriptInfo> List()
    {
        EnsureScanned();
        foreach (var waiting in _scripts.Values.Where(s => s.RecordTypeMissing).ToList())
        {
            RetryIfRecordTypeAppeared(waiting);
        }

        return [.. _scripts.Values.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Info)];
    }

    public string? GetInUseCode(string name)
    {
        EnsureScanned();
        return _scripts.TryGetValue(name, out var script) ? script.InUseCode : null;
    }

    public void Refresh()
    {
        lock (_refreshLock)
        {
            var onDisk = System.IO.Directory.Exists(Directory)
                ? System.IO.Directory.EnumerateFiles(Directory, "*" + Extension).Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var name in onDisk.Union(_scripts.Keys).ToList())
            {
                RefreshLocked(name);
            }

            _scanned = true;
        }
    }

    public ConditionScriptInfo? Refresh(string name)
    {
        if (!IsValidName(name))
        {
            return null;
        }

        lock (_refreshLock)
        {
            return RefreshLocked(name)?.Info;
        }
    }

    /// <summary>The script named <paramref name="name"/>, reading it from disk if it was never seen (a file added a moment ago).</summary>
    internal ConditionScript? Find(string name)
    {
        if (_scripts.TryGetValue(name, out var script))
        {
            return script.RecordTypeMissing ? RetryIfRecordTypeAppeared(script) : script;
        }

        EnsureScanned();
        if (!_scripts.TryGetValue(name, out script) && IsValidName(name) && File.Exists(PathOf(name)))
        {
            Refresh(name);
            _scripts.TryGetValue(name, out script);
        }

        return script;
    }

    /// <summary>Whether a script declaring <paramref name="declared"/> may run against records of <paramref name="recordType"/>.</summary>
    internal bool Fits(string? declared, Type recordType) =>
        declared is not null
        && (declared == recordType.Name || declared == recordType.FullName || _resolver.Resolve(declared) == recordType);

    /// <summary>The names of the scripts, for "did you mean" messages.</summary>
    internal string KnownNames()
    {
        var names = _scripts.Keys.Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "there are no scripts" : "scripts: " + string.Join(", ", names);
    }

    internal static bool IsValidName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\\', StringComparison.Ordinal) && name != "." && name != "..";

    private string PathOf(string name) => Path.Combine(Directory, name + Extension);

    private ConditionScript RetryIfRecordTypeAppeared(ConditionScript script)
    {
        if (script.DeclaredRecordType is not { } declared || _resolver.Resolve(declared) is null)
        {
            return script;
        }

        Refresh(script.Name);
        return _scripts.GetValueOrDefault(script.Name) ?? script;
    }

    private void EnsureScanned()
    {
        if (!_scanned)
        {
            Refresh();
        }
    }

    private ConditionScript? RefreshLocked(string name)
    {
        var path = PathOf(name);
        _scripts.TryGetValue(name, out var previous);
        string code;
        try
        {
            if (!File.Exists(path))
            {
                if (previous is not null && _scripts.TryRemove(name, out _))
                {
                    Retire(previous.InUseCode);
                    LogRemoved(_logger, name, path);
                }

                return null;
            }

            code = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Usually a save in progress; the watcher reports the next write and it is read again.
            LogUnreadable(_logger, name, path, e.Message);
            return previous;
        }

        var hash = ConditionHash.Of(code);
        if (previous is not null && previous.FileHash == hash && previous.FileErrors.Count == 0)
        {
            return previous;
        }

        var declared = ConditionScriptHeader.RecordType(code);
        var errors = Check(code, declared, out var recordTypeMissing);
        ConditionScript script;
        if (errors.Count == 0)
        {
            script = new ConditionScript(name, code, hash, declared, [], code, hash, declared);
            _scripts[name] = script;
            if (previous?.InUseCode is { } old && !string.Equals(old, code, StringComparison.Ordinal))
            {
                Retire(old);
            }

            LogInUse(_logger, name, hash[..12]);
        }
        else
        {
            script = new ConditionScript(name, code, hash, declared, errors, previous?.InUseCode, previous?.InUseHash, previous?.InUseRecordType, recordTypeMissing);
            _scripts[name] = script;
            var first = errors[0];
            var consequence = previous?.InUseHash is { } good
                ? $"the last good version {good[..12]} stays in use"
                : "it cannot be used until it compiles";
            LogBroken(_logger, name, path, first.Line, first.Column, first.Message, consequence);
        }

        return script;
    }

    /// <summary>Compiles the file against its declared type; a good version stays compiled (warm for the first event), a bad one is not kept.</summary>
    private IReadOnlyList<ConditionDiagnostic> Check(string code, string? declared, out bool recordTypeMissing)
    {
        recordTypeMissing = false;
        if (declared is null)
        {
            return [new ConditionDiagnostic(1, 1,
                $"The first line must declare the record type the script is written against, e.g. '{ConditionScriptHeader.Example}'.",
                ConditionScriptHeader.FirstLine(code))];
        }

        if (_resolver.Resolve(declared) is not { } recordType)
        {
            recordTypeMissing = true;
            return [new ConditionDiagnostic(1, 1, $"No loaded plugin offers the record type '{declared}' that the first line declares.", declared)];
        }

        var entry = _cache.GetOrCompile(code, recordType);
        if (entry.Failure is { } failure)
        {
            _cache.Retire(code, recordType);
            return failure.Diagnostics.Count > 0 ? failure.Diagnostics : [new ConditionDiagnostic(1, 1, failure.Message, null)];
        }

        return [];
    }

    private void Retire(string? code)
    {
        if (code is not null)
        {
            _cache.RetireCode(code);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Condition script {Script} compiled; version {Hash} is in use")]
    private static partial void LogInUse(ILogger logger, string script, string hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Condition script {Script} ({Path}) does not compile at line {Line}, column {Column}: {Error}; {Consequence}")]
    private static partial void LogBroken(ILogger logger, string script, string path, int line, int column, string error, string consequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Condition script {Script} was removed ({Path})")]
    private static partial void LogRemoved(ILogger logger, string script, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Condition script {Script} ({Path}) could not be read, keeping what was read before: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string script, string path, string reason);
}
