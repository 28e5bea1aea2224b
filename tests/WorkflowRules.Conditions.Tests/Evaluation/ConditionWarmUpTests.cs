using System.Runtime;
using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Evaluation;

/// <summary>
/// A batch of prepared conditions has its machine code compiled in the background, not in the first evaluations.
/// </summary>
public sealed class ConditionWarmUpTests : IDisposable
{
    /// <summary>The smallest batch the warmer takes (<c>ConditionJitWarmer.MinimumBatch</c>).</summary>
    private const int Batch = 16;

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly ConditionTestHost _host = new(timeBudget: TimeSpan.FromSeconds(10));

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Prepare_CompilesMachineCodeOfTheConditionsAndTheirLambdas_BeforeTheirFirstEvaluation()
    {
        var conditions = Conditions("Record.Lines.Any(l => l.Quantity > {0}) && Record.Amount > {0}m", Batch);
        PrepareAndWait(conditions, warmed: Batch);
        // The first evaluation compiles the host's own evaluation path, which every condition shares.
        Assert.Equal(ConditionOutcome.True, Evaluate(conditions[0]));

        var compiledBefore = JitInfo.GetCompiledMethodCount(currentThread: true);
        var outcome = Evaluate(conditions[1]);
        var compiledByTheEvaluation = JitInfo.GetCompiledMethodCount(currentThread: true) - compiledBefore;

        Assert.Equal(ConditionOutcome.True, outcome);
        Assert.Equal(0, compiledByTheEvaluation);
    }

    [Fact]
    public void Prepare_LeavesASmallBatchToItsFirstEvaluation()
    {
        _host.Evaluator.Prepare(Conditions("Record.Amount > {0}m", Batch - 1));
        _host.Evaluator.Prepare(Conditions("Record.Amount >= {0}m", Batch));

        // Batches are warmed one after the other, in order, each reported when done: had the small one been queued,
        // its report would come first.
        Assert.True(SpinWait.SpinUntil(() => WarmUpReports().Count > 0, Generous), $"no batch warmed after {Generous.TotalSeconds} s");
        Assert.StartsWith($"Compiled the code of {Batch} prepared condition(s)", WarmUpReports()[0], StringComparison.Ordinal);
        Assert.Equal(Batch, _host.Cache.Warmed);
    }

    private List<string> WarmUpReports() =>
        [.. _host.Log.Lines.Select(l => l.Message).Where(m => m.StartsWith("Compiled the code of ", StringComparison.Ordinal))];

    private static List<(ConditionSource, Type)> Conditions(string template, int count) =>
        [.. Enumerable.Range(0, count).Select(i => (ConditionSource.Inline(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, i)), typeof(PurchaseDocument)))];

    private void PrepareAndWait(List<(ConditionSource, Type)> conditions, int warmed)
    {
        _host.Evaluator.Prepare(conditions);
        Assert.True(SpinWait.SpinUntil(() => _host.Cache.Warmed >= warmed, Generous), $"{warmed} condition(s) not warmed after {Generous.TotalSeconds} s");
        Assert.Equal(warmed, _host.Cache.Warmed);
    }

    private ConditionOutcome Evaluate((ConditionSource Source, Type RecordType) condition) =>
        _host.Evaluator.Evaluate(condition.Source, condition.RecordType, Purchase(10, "V1", Line("Item", 11)), null, Event());
}
