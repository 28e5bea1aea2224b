using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Budget;

/// <summary>
/// Conditions run as instance methods of a per-thread frame, with lambdas that capture nothing cached in its
/// fields: these check that only those are cached (a cached capturing lambda would answer with the first
/// evaluation's values) and that frames are not shared between threads.
/// </summary>
public sealed class ConditionFrameTests : IDisposable
{
    private readonly ConditionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string> ShapesReadingTheRecordAgain => new()
    {
        "var limit = (int)Record.Amount; return Record.Lines.Any(l => l.Quantity > limit);",
        "Record.Lines.Any(l => l.Quantity > (int)Record.Amount)",
        "var limit = (int)Record.Amount; bool Big(PurchaseLine l) => l.Quantity > limit; return Record.Lines.Any(l => Big(l));",
        "var limit = (int)Record.Amount; return Record.Lines.Any(l => Record.Lines.Any(m => l.Quantity > limit + m.Quantity - m.Quantity));",
        "Record.Lines.Select(l => new { l.Quantity }).Any(x => x.Quantity > (int)Record.Amount)",
        "Record.Lines.Any(l => l.Type == \"Item\") && Record.Lines.Any(static l => l.Quantity > 0) && Record.Lines.Any(l => l.Quantity > (int)Record.Amount)",
    };

    [Theory]
    [MemberData(nameof(ShapesReadingTheRecordAgain))]
    public void Evaluate_AnswersForEachRecord_WhenLambdaCapturesPerEvaluationValues(string code)
    {
        var source = ConditionSource.Inline(code);
        var handle = _host.Evaluator.Bind(source, typeof(PurchaseDocument));
        var lines = new[] { Line("Item", 12) };

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ConditionOutcome.True, handle.Evaluate(Purchase(10, "V1", lines), null, Event()));
            Assert.Equal(ConditionOutcome.False, handle.Evaluate(Purchase(20, "V1", lines), null, Event()));
        }
    }

    [Fact]
    public void Evaluate_AnswersOnEveryThread_WhenManyThreadsEvaluateTheSameCondition()
    {
        var handle = _host.Evaluator.Bind(ConditionSource.Inline("Record.Lines.Any(l => l.Quantity > (int)Record.Amount) && Record.Lines.Count(l => l.Quantity > 0) == 1"), typeof(PurchaseDocument));
        var wrong = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var expected = i % 2 == 0;
            var outcome = handle.Evaluate(Purchase(expected ? 10 : 20, "V1", Line("Item", 15)), null, Event());
            if (outcome != (expected ? ConditionOutcome.True : ConditionOutcome.False))
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Evaluate_ReportsTimeoutThenAnswers_WhenThreadRunsNextConditionOnSameFrame()
    {
        using var host = new ConditionTestHost(timeBudget: TimeSpan.FromMilliseconds(50));
        var runaway = host.Evaluator.Bind(ConditionSource.Inline("Record.Lines.Any(l => { while (true) { } })"), typeof(PurchaseDocument));
        var record = Purchase(10, "V1", Line("Item", 1));

        Assert.Equal(ConditionFailureKind.Timeout, runaway.Evaluate(record, null, Event()).Failure?.Kind);
        Assert.Equal(ConditionFailureKind.Timeout, runaway.Evaluate(record, null, Event()).Failure?.Kind);
    }
}
