using WorkflowRules.Conditions.CompiledCache;
using WorkflowRules.Conditions.Tests.Support;
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
