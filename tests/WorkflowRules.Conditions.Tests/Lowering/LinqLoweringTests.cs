using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Lowering;

/// <summary>
/// Conditions whose <c>Any</c>, <c>All</c> and <c>Count</c> calls are compiled as loops (and those that keep their LINQ
/// calls) answer exactly as LINQ does: same results, same errors, same checked arithmetic.
/// </summary>
public sealed class LinqLoweringTests : IDisposable
{
    private readonly ConditionTestHost _host = new(timeBudget: TimeSpan.FromSeconds(10));

    public void Dispose() => _host.Dispose();

    /// <summary>A condition, and what LINQ itself answers for <see cref="Document"/> (written out by hand below).</summary>
    public static TheoryData<string, bool> Answers => new()
    {
        // Lowered: arrays, lists, wrappers and lazy sources; captured locals, Previous, Event; Any, All, Count.
        { "Record.Lines.Any(l => l.Quantity > 10)", true },
        { "Record.Lines.Any(l => l.Quantity > 12)", false },
        { "Record.Lines.All(l => l.UnitCost > 0)", true },
        { """Record.Lines.All(l => l.Type == "Item")""", false },
        { """Record.Lines.Count(l => l.Type == "Item") == 2""", true },
        { "new List<decimal> { 1m, 2m, 3m }.Count(q => q >= 2) == 2", true },
        { "new List<string>().All(s => s.Length > 100)", true },
        { """new HashSet<string> { "a", "bb" }.Any(s => s.Length == 2)""", true },
        { """Record.Lines.Where(l => l.Type == "Item").Any(l => l.Quantity > 10)""", true },
        { "Record.Lines.Select(l => l.Quantity).Count(q => q < 5) == 1", true },
        { "var least = 12m; return Record.Lines.Any(l => l.Quantity >= least);", true },
        { "var least = 13m; return Record.Lines.Any(l => l.Quantity >= least);", false },
        { """Record.Lines.Any(l => l.No == Record.No) || Record.Lines.Any(l => l.Type == Event.Name)""", false },
        { "Record.Lines.Any((PurchaseLine l) => l.Quantity == 2)", true },
        { "Record.Lines.Any(static l => l.Quantity == 2)", true },
        { "Record.Lines.Any(_ => true) && !new int[0].Any(_ => true)", true },
        { "Record.Lines.Any(l => l.Quantity > 10) && Record.Lines.All(l => l.Quantity > 0) && Record.Lines.Count(l => l.Quantity > 0) == 3", true },
        // Kept as LINQ: nested lambdas, variables of nested blocks and patterns, checked arithmetic.
        { "Record.Lines.Any(l => Record.Lines.Count(m => m.Type == l.Type) > 1)", true },
        { "if (Record.Amount > 0) { var most = 3m; return Record.Lines.Count(l => l.Quantity < most) == 1; } return false;", true },
        { "return Record is { } r && r.Lines.Any(l => l.UnitCost * 100 == r.Amount);", true },
        { "foreach (var line in Record.Lines) { if (Record.Lines.Count(l => l.Type == line.Type) == 2) return true; } return false;", true },
    };

    private static PurchaseDocument Document => Purchase(1000m, "V1", Line("Item", 2), Line("GLAccount", 5), Line("Item", 12));

    [Theory]
    [MemberData(nameof(Answers))]
    public void Evaluate_AnswersAsLinq_WhenConditionUsesQuantifiers(string code, bool expected)
    {
        var outcome = Evaluate(code);

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(expected, outcome.Holds);
    }

    [Theory]
    [InlineData("List<PurchaseLine>? none = null; return none!.Any(l => l.Quantity > 0);")]
    [InlineData("List<PurchaseLine>? none = null; return none!.All(l => l.Quantity > 0);")]
    [InlineData("List<PurchaseLine>? none = null; return none!.Count(l => l.Quantity > 0) > 0;")]
    public void Evaluate_ReportsLinqsError_WhenSourceIsNull(string code)
    {
        var outcome = Evaluate(code);

        Assert.Equal(ConditionFailureKind.Exception, outcome.Failure?.Kind);
        Assert.Contains("ArgumentNullException: Value cannot be null. (Parameter 'source')", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    /// <summary>The local function of a lowered call is declared outside <c>checked</c>: such a call must stay LINQ, or it would stop overflowing.</summary>
    [Fact]
    public void Evaluate_KeepsCheckedArithmetic_WhenQuantifierIsInsideChecked()
    {
        var outcome = Evaluate("checked(Record.Lines.Count(l => (int)l.Quantity * int.MaxValue > 0)) > 0");

        Assert.Equal(ConditionFailureKind.Exception, outcome.Failure?.Kind);
        Assert.Contains("OverflowException", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A lowered loop checks the budget like any loop: with a clock that leaps a second per read, a source long enough
    /// for two clock reads (every 256 checks) is stopped, whereas LINQ's own loop would have run it to the end.
    /// </summary>
    [Theory]
    [InlineData("Record.Lines.All(l => l.Quantity > 0)")]
    [InlineData("Record.Lines.Any(l => l.Quantity < 0)")]
    [InlineData("Record.Lines.Count(l => l.Quantity > 0) > 0")]
    public void Evaluate_StopsLoweredLoop_WhenBudgetIsSpent(string code)
    {
        using var host = new ConditionTestHost(timeBudget: TimeSpan.FromMilliseconds(100), clock: new LeapingClock());
        var lines = Enumerable.Range(0, 600).Select(_ => Line("Item", 1)).ToArray();

        var outcome = host.Evaluator.Evaluate(ConditionSource.Inline(code), typeof(PurchaseDocument), Purchase(1m, "V1", lines), null, Event());

        Assert.Equal(ConditionFailureKind.Timeout, outcome.Failure?.Kind);
    }

    private ConditionOutcome Evaluate(string code) =>
        _host.Evaluator.Evaluate(ConditionSource.Inline(code), typeof(PurchaseDocument), Document, null, Event());
}
