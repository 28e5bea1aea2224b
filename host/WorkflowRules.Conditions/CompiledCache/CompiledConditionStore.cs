using System.Runtime.Loader;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using WorkflowRules.Conditions.Compilation;
using WorkflowRules.Conditions.Evaluation;

namespace WorkflowRules.Conditions.CompiledCache;

/// <summary>
/// Compiled conditions on disk (<see cref="ConditionOptions.CompiledCacheDirectory"/>), so that a restart loads
/// what the last run compiled instead of compiling it again: one <c>.dll</c> per compiled batch and one small
/// <c>.cond</c> pointer per condition (<see cref="CompiledCachePointer"/>), all named by content keys
/// (<see cref="CompiledCacheKeys"/>). Files are written to a temporary name and renamed into place, so readers
/// never see half a file and processes writing the same key at once write the same bytes (the emit is
/// deterministic). Anything unreadable is a miss: the condition is compiled again and its files rewritten.
/// </summary>
/// <remarks>
/// The directory holds code that the host loads and runs: it must be as protected as the host's own binaries.
/// Entries are never rewritten when a condition changes (the key changes instead); <see cref="Prune"/> deletes
/// what has not been used for the retention period, and every hit refreshes its files' dates.
/// </remarks>
internal sealed partial class CompiledConditionStore(string directory, TimeProvider clock, ILogger<CompiledConditionStore> logger)
{
    public const string PointerExtension = ".cond";
    public const string ImageExtension = ".dll";
    private const string TemporaryExtension = ".tmp";

    /// <summary>A hit refreshes its files' dates at most this often (one write per file per day, not per start).</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromDays(1);

    /// <summary>Temporary files older than this are left over from a crash mid-write.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// At most this many batch assemblies share one load context. Conditions saved one at a time (each workflow save)
    /// have an assembly each; with a context per assembly, each creating its context and resolving its references
    /// anew, a restart loaded 1,000 of them in 948 ms, with shared contexts in 360 ms. The bound is what sharing costs:
    /// a context unloads when the last condition in it retires, so a retired condition keeps at most this many small
    /// assemblies loaded.
    /// </summary>
    internal const int AssembliesPerContext = 64;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>
    /// Loads the conditions with these keys, resolving through <paramref name="recordContext"/>: the batch assemblies
    /// found go into shared contexts of up to <see cref="AssembliesPerContext"/> each.
    /// </summary>
    public LoadedConditions Load(IReadOnlyList<string> conditionKeys, AssemblyLoadContext recordContext)
    {
        var loaded = new LoadedConditions(new ConditionInvoker?[conditionKeys.Count], new ConditionLoadContext?[conditionKeys.Count]);
        var wanted = new List<Wanted>();
        for (var i = 0; i < conditionKeys.Count; i++)
        {
            if (ReadPointer(conditionKeys[i]) is { } pointer)
            {
                wanted.Add(new Wanted(i, conditionKeys[i], pointer));
            }
        }

        foreach (var batches in wanted.GroupBy(w => (w.Pointer.BatchKey, w.Pointer.ImageHash)).Chunk(AssembliesPerContext))
        {
            var context = new ConditionLoadContext($"WorkflowRules.Conditions[{batches.Sum(b => b.Count())}, cached] for {recordContext.Name}", recordContext);
            var bound = 0;
            foreach (var batch in batches)
            {
                bound += LoadBatch(batch.Key.BatchKey, batch.Key.ImageHash, [.. batch], context, loaded);
            }

            if (bound == 0)
            {
                context.Unload();
            }
        }

        return loaded;
    }

    /// <summary>Writes a freshly compiled batch and the pointers of its valid conditions; failures are logged, never thrown.</summary>
    public void Save(IReadOnlyList<string> conditionKeys, string batchKey, CompiledBatch batch)
    {
        if (batch.Image is not { } image)
        {
            return;
        }

        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            // The image first: a pointer must never name a batch that is not there yet.
            WriteAtomically(PathOf(batchKey, ImageExtension), image);
            var imageHash = Convert.ToHexStringLower(SHA256.HashData(image));
            for (var i = 0; i < conditionKeys.Count; i++)
            {
                if (batch.Results[i].ClassName is { } className)
                {
                    var pointer = new CompiledCachePointer(batchKey, className, imageHash);
                    WriteAtomically(PathOf(conditionKeys[i], PointerExtension), System.Text.Encoding.UTF8.GetBytes(pointer.Write()));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(logger, Directory, e.Message);
        }
    }

    /// <summary>Deletes entries not used for <paramref name="retention"/> and abandoned temporary files; returns how many files went.</summary>
    public int Prune(TimeSpan retention)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var deleted = 0;
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles())
        {
            var limit = file.Extension switch
            {
                PointerExtension or ImageExtension => retention,
                TemporaryExtension => AbandonedAfter,
                _ => (TimeSpan?)null, // not ours: leave it
            };
            if (limit is { } age && file.LastWriteTimeUtc < now - age)
            {
                try
                {
                    file.Delete();
                    deleted++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // In use or already gone (another process pruning): the next start tries again.
                }
            }
        }

        LogPruned(logger, deleted, Directory, retention.TotalDays);
        return deleted;
    }

    private CompiledCachePointer? ReadPointer(string conditionKey)
    {
        try
        {
            var path = PathOf(conditionKey, PointerExtension);
            return File.Exists(path) && CompiledCachePointer.TryParse(File.ReadAllText(path), out var pointer) ? pointer : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Loads one batch assembly into <paramref name="context"/> and binds its wanted conditions; returns how many it bound.</summary>
    private int LoadBatch(string batchKey, string imageHash, IReadOnlyList<Wanted> wanted, ConditionLoadContext context, LoadedConditions loaded)
    {
        var imagePath = PathOf(batchKey, ImageExtension);
        byte[] image;
        try
        {
            image = File.ReadAllBytes(imagePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(image)), imageHash, StringComparison.Ordinal))
        {
            LogIgnored(logger, imagePath, "its content does not match the pointers to it (damaged, or replaced by another build)");
            return 0;
        }

        try
        {
            using var stream = new MemoryStream(image, writable: false);
            var assembly = context.LoadFromStream(stream);
            foreach (var (index, _, pointer) in wanted)
            {
                loaded.Invokes[index] = GeneratedCondition.Bind(assembly, pointer.ClassName);
                loaded.Contexts[index] = context;
            }
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or TypeLoadException or MissingMemberException or ArgumentException)
        {
            // An assembly that loaded but would not bind stays in the shared context until it unloads: dead weight
            // of one small file, only after damage that the hash above did not catch.
            foreach (var (index, _, _) in wanted)
            {
                loaded.Invokes[index] = null;
                loaded.Contexts[index] = null;
            }

            LogIgnored(logger, imagePath, e.Message);
            return 0;
        }

        Touch(imagePath);
        foreach (var (_, key, _) in wanted)
        {
            Touch(PathOf(key, PointerExtension));
        }

        return wanted.Count;
    }

    private void Touch(string path)
    {
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (File.GetLastWriteTimeUtc(path) < now - TouchInterval)
            {
                File.SetLastWriteTimeUtc(path, now);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the pruning date is lost: at worst the entry is compiled again after the retention period.
        }
    }

    private string PathOf(string key, string extension) => Path.Combine(Directory, key + extension);

    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}{TemporaryExtension}";
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Typically Windows refusing to replace a file another process is reading: that file is as good.
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Pruning removes abandoned temporary files later.
        }
    }

    private sealed record Wanted(int Index, string ConditionKey, CompiledCachePointer Pointer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write compiled conditions to {Directory}; they will be compiled again at the next start: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored compiled cache file {Path} and compiled instead: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} file(s) of the compiled condition cache {Directory} unused for {Days:0} days")]
    private static partial void LogPruned(ILogger logger, int count, string directory, double days);
}
