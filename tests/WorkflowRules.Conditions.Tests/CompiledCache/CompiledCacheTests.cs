using System.Runtime.CompilerServices;
using WorkflowRules.Conditions.CompiledCache;
using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Conditions.Tests.Unloading;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.CompiledCache;

/// <summary>Two hosts sharing a compiled cache folder stand for two runs of the process (a restart).</summary>
public sealed class CompiledCacheTests : IDisposable
{
    private static readonly (ConditionSource Source, Type RecordType)[] Conditions =
    [
        (ConditionSource.Inline("Record.Amount > 1000m"), typeof(PurchaseDocument)),
        (ConditionSource.Inline("""Record.Lines.Any(l => l.Type == "Item" && l.Quantity > 10)"""), typeof(PurchaseDocument)),
        (ConditionSource.Inline("Previous != null && Record.CreditLimit > Previous.CreditLimit"), typeof(Customer)),
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("conditions-compiled-cache-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Prepare_LoadsFromDiskWithoutCompiling_WhenAnEarlierRunCompiledTheSameConditions()
    {
        using (var first = NewHost())
        {
            first.Evaluator.Prepare(Conditions);
            Assert.Equal(1, first.Cache.Compiles); // one batch per record-type load context: both plugins are in the default one here
        }

        using var second = NewHost();
        second.Evaluator.Prepare(Conditions);

        Assert.Equal(0, second.Cache.Compiles);
        Assert.Equal(Conditions.Length, second.Cache.LoadedFromDisk);
        AssertAnswersRight(second);
    }

    /// <summary>Why processes sharing the folder cannot disagree: the same batch gives the same file, byte for byte.</summary>
    [Fact]
    public void Prepare_WritesIdenticalFiles_WhenTwoProcessesCompileTheSameBatch()
    {
        var other = Directory.CreateTempSubdirectory("conditions-compiled-cache-").FullName;
        try
        {
            using (var first = NewHost())
            {
                first.Evaluator.Prepare(Conditions);
            }

            using (var second = new ConditionTestHost(compiledCacheDirectory: other))
            {
                second.Evaluator.Prepare(Conditions);
            }

            var mine = Directory.GetFiles(_directory).Order(StringComparer.Ordinal).ToList();
            var theirs = Directory.GetFiles(other).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(mine.Select(Path.GetFileName), theirs.Select(Path.GetFileName));
            Assert.All(mine.Zip(theirs), pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Evaluate_LoadsFromDisk_WhenConditionWasNotPrepared()
    {
        using (var first = NewHost())
        {
            first.Evaluator.Prepare(Conditions);
        }

        using var second = NewHost();
        AssertAnswersRight(second);

        Assert.Equal(0, second.Cache.Compiles);
    }

    [Fact]
    public void Prepare_CompilesOnlyWhatIsNew_WhenSomeConditionsWereCachedBefore()
    {
        using (var first = NewHost())
        {
            first.Evaluator.Prepare(Conditions[..1]);
        }

        using var second = NewHost();
        second.Evaluator.Prepare(Conditions[..2]);

        Assert.Equal(1, second.Cache.Compiles);
        Assert.Equal(1, second.Cache.LoadedFromDisk);
    }

    [Fact]
    public void Prepare_CompilesAgainAndRepairsCache_WhenCachedAssemblyIsCorrupt()
    {
        using (var first = NewHost())
        {
            first.Evaluator.Prepare(Conditions);
        }

        foreach (var image in Directory.GetFiles(_directory, "*" + CompiledConditionStore.ImageExtension))
        {
            var bytes = File.ReadAllBytes(image);
            bytes[bytes.Length / 2] ^= 0xFF;
            File.WriteAllBytes(image, bytes);
        }

        using (var second = NewHost())
        {
            second.Evaluator.Prepare(Conditions);
            Assert.Equal(0, second.Cache.LoadedFromDisk);
            AssertAnswersRight(second);
        }

        using var third = NewHost();
        third.Evaluator.Prepare(Conditions);
        Assert.Equal(0, third.Cache.Compiles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a pointer")]
    [InlineData(CompiledCacheKeys.Format + "\n../../etc\nCondition0\nabc\n")]
    public void Prepare_CompilesAgain_WhenPointerFileIsDamaged(string content)
    {
        using (var first = NewHost())
        {
            first.Evaluator.Prepare(Conditions);
        }

        foreach (var pointer in Directory.GetFiles(_directory, "*" + CompiledConditionStore.PointerExtension))
        {
            File.WriteAllText(pointer, content);
        }

        using var second = NewHost();
        second.Evaluator.Prepare(Conditions);

        Assert.Equal(0, second.Cache.LoadedFromDisk);
        Assert.Equal(1, second.Cache.Compiles);
        AssertAnswersRight(second);
    }

    [Fact]
    public void Prepare_WritesNothingForInvalidConditions_AndStillReportsThem()
    {
        using (var first = NewHost())
        {
            first.Evaluator.Prepare([(ConditionSource.Inline("Record.Amont > 1m"), typeof(PurchaseDocument))]);
        }

        Assert.Empty(Directory.GetFiles(_directory, "*" + CompiledConditionStore.PointerExtension));
        using var second = NewHost();
        var outcome = second.Evaluator.Evaluate(ConditionSource.Inline("Record.Amont > 1m"), typeof(PurchaseDocument), Purchase(5), null, Event());
        Assert.Equal(ConditionFailureKind.Invalid, outcome.Failure?.Kind);
    }

    [Fact]
    public void Retire_UnloadsContextLoadedFromDisk_AndHandleRecompilesOrReloads()
    {
        var source = Conditions[0].Source;
        using (var first = NewHost())
        {
            first.Evaluator.Prepare([Conditions[0]]);
        }

        using var second = NewHost();
        var handle = second.Evaluator.Bind(source, typeof(PurchaseDocument));
        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Purchase(1500), null, Event()));

        second.Evaluator.Retire(source, typeof(PurchaseDocument));

        Assert.Empty(second.Cache.LoadContexts);
        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Purchase(1500), null, Event()));
        Assert.Equal(2, second.Cache.LoadedFromDisk);
        Assert.Equal(0, second.Cache.Compiles);
    }

    /// <summary>
    /// Conditions saved one at a time (a workflow edit each) have an assembly each; a restart loads them into shared
    /// contexts, of at most <see cref="CompiledConditionStore.AssembliesPerContext"/> assemblies, which unload when
    /// their last condition retires.
    /// </summary>
    [Fact]
    public void Prepare_LoadsConditionsSavedOneAtATime_IntoSharedContexts_ThatUnloadWithTheirLastCondition()
    {
        var conditions = Enumerable.Range(0, CompiledConditionStore.AssembliesPerContext + 1)
            .Select(i => (Source: ConditionSource.Inline($"Record.Amount > {i}m"), RecordType: typeof(PurchaseDocument)))
            .ToList();
        using (var first = NewHost())
        {
            foreach (var condition in conditions)
            {
                first.Evaluator.Prepare([condition]);
            }

            Assert.Equal(conditions.Count, first.Cache.Compiles);
            Assert.Equal(conditions.Count, first.Cache.LoadContexts.Count);
        }

        using var second = NewHost();
        var contexts = LoadRetireOneByOne(second, conditions);

        Assert.Empty(second.Cache.LoadContexts);
        Assert.True(Collected.All(contexts), $"{contexts.Count(c => c.IsAlive)} of {contexts.Count} shared contexts are still alive");
    }

    /// <summary>Not inlined, so that no context is left on the test's own frame when it checks they were collected.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> LoadRetireOneByOne(ConditionTestHost host, List<(ConditionSource Source, Type RecordType)> conditions)
    {
        host.Evaluator.Prepare(conditions);

        Assert.Equal(0, host.Cache.Compiles);
        Assert.Equal(conditions.Count, host.Cache.LoadedFromDisk);
        List<WeakReference> contexts = [.. host.Cache.LoadContexts.Select(c => new WeakReference(c))];
        Assert.Equal(2, contexts.Count);
        // The background JIT warm-up holds the batch it works on: let it finish, as a running host would.
        Assert.True(SpinWait.SpinUntil(() => host.Cache.Warmed == conditions.Count, TimeSpan.FromSeconds(30)), "the loaded conditions were not warmed up");
        Assert.Equal(ConditionOutcome.True, host.Evaluator.Evaluate(conditions[^1].Source, typeof(PurchaseDocument), Purchase(65), null, Event()));
        Assert.Equal(ConditionOutcome.False, host.Evaluator.Evaluate(conditions[^1].Source, typeof(PurchaseDocument), Purchase(64), null, Event()));

        foreach (var (source, recordType) in conditions.SkipLast(1))
        {
            host.Evaluator.Retire(source, recordType);
        }

        // The first context's conditions are all retired; the second still holds the last one.
        Assert.Single(host.Cache.LoadContexts);
        Assert.Equal(ConditionOutcome.True, host.Evaluator.Evaluate(conditions[^1].Source, typeof(PurchaseDocument), Purchase(65), null, Event()));
        host.Evaluator.Retire(conditions[^1].Source, conditions[^1].RecordType);
        return contexts;
    }

    private ConditionTestHost NewHost() => new(compiledCacheDirectory: _directory);

    private static void AssertAnswersRight(ConditionTestHost host)
    {
        var evaluator = host.Evaluator;
        Assert.Equal(ConditionOutcome.True, evaluator.Evaluate(Conditions[0].Source, typeof(PurchaseDocument), Purchase(1500), null, Event()));
        Assert.Equal(ConditionOutcome.False, evaluator.Evaluate(Conditions[0].Source, typeof(PurchaseDocument), Purchase(500), null, Event()));
        Assert.Equal(ConditionOutcome.True, evaluator.Evaluate(Conditions[1].Source, typeof(PurchaseDocument), Purchase(5, "V1", Line("Item", 12)), null, Event()));
        Assert.Equal(ConditionOutcome.True, evaluator.Evaluate(Conditions[2].Source, typeof(Customer), Customer(5000), Customer(4000), Event()));
        Assert.Equal(ConditionOutcome.False, evaluator.Evaluate(Conditions[2].Source, typeof(Customer), Customer(5000), null, Event()));
    }
}
