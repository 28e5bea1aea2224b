using System.Diagnostics;
using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Budget;

public sealed class ConditionBudgetTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(100);

    /// <summary>Far above the budget, far below "never": a run that stops is a pass, however busy the machine.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private readonly ConditionTestHost _host = new(timeBudget: Budget);

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string> Runaways => new()
    {
        { "while(true)", "while (true) { } return true;" },
        { "for(;;)", "for (;;) { } return true;" },
        { "for(;;) without body", "for (;;) ; return true;" },
        { "do/while", "var i = 0; do { i = (i + 1) % 7; } while (i >= 0); return true;" },
        { "foreach over an endless iterator", "IEnumerable<int> Numbers() { var i = 0; while (true) yield return i++; } foreach (var n in Numbers()) { } return true;" },
        { "LINQ over an endless iterator", "IEnumerable<int> Numbers() { var i = 0; while (true) yield return i++; } return Numbers().Count() > 0;" },
        { "exponential recursion", "long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2); return Fib(80) > 0;" },
        { "nested lambdas", "return Record.Lines.Any(a => Enumerable.Empty<int>().DefaultIfEmpty().Any(_ => { while (true) { } }));" },
    };

    [Theory]
    [MemberData(nameof(Runaways))]
    public void Evaluate_ReportsTimeout_WhenConditionNeverEnds(string name, string code)
    {
        var started = Stopwatch.GetTimestamp();

        var outcome = Evaluate(code);

        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.False(outcome.Holds, name);
        Assert.Equal(ConditionFailureKind.Timeout, outcome.Failure?.Kind);
        Assert.Contains("100 ms budget", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.True(elapsed < Generous, $"{name} took {elapsed}");
    }

    /// <summary>Calls in tail position may become jumps (no stack growth): then the clock stops them.</summary>
    [Theory]
    [InlineData("bool Forever(int n) => Forever(n + 1); return Forever(0);")]
    [InlineData("bool Forever(int n) { return n < 0 || Forever(n + 1); } return Forever(0);")]
    [InlineData("Func<int, bool> f = null!; f = n => f(n + 1); return f(0);")]
    public void Evaluate_StopsRecursion_WhenFunctionCallsItselfWithoutEnd(string code)
    {
        var outcome = Evaluate(code);

        Assert.Equal(ConditionFailureKind.Timeout, outcome.Failure?.Kind);
    }

    /// <summary>
    /// Recursion that grows the stack is stopped before it overflows, which would kill the process. The budget is
    /// generous here so the depth guard, not the clock, is what stops it even on a busy machine.
    /// </summary>
    [Theory]
    [InlineData("int Depth(int n) => Depth(n + 1) + 1; return Depth(0) > 0;")]
    [InlineData("Func<int, int> f = null!; f = n => 1 + f(n + 1); return f(0) > 0;")]
    // No user code calls user code here: LINQ recurses, and the one lambda it calls, which calls nothing, is the only
    // user code on the way down. This is why every lambda entry checks the stack.
    [InlineData("IEnumerable<int> flat = null!; flat = new[] { 0 }.SelectMany(_ => flat); return flat.Count() > 0;")]
    public void Evaluate_ReportsStoppedRecursion_WhenRecursionWouldOverflowTheStack(string code)
    {
        using var host = new ConditionTestHost(timeBudget: Generous);

        var outcome = Evaluate(host, code);

        Assert.True(outcome.Failure?.Kind == ConditionFailureKind.Timeout, outcome.Failure?.Message ?? "the condition finished");
        Assert.Contains("recursed too deeply", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UsesThreadNormally_AfterARunawayWasStopped()
    {
        Assert.Equal(ConditionFailureKind.Timeout, Evaluate("while (true) { } return true;").Failure?.Kind);

        var outcome = Evaluate("""Record.Lines.Any(l => l.Type == "Item")""");

        Assert.Equal(ConditionOutcome.True, outcome);
    }

    /// <summary>
    /// The loop reads the clock (it passes far more checks than the head start), so under the 100 ms budget a
    /// descheduled thread or another test's garbage collection could stop it. A generous budget keeps the point:
    /// the checks themselves never stop a loop that ends.
    /// </summary>
    [Fact]
    public void Evaluate_FinishesLongButBoundedLoop_WhenItFitsTheBudget()
    {
        using var host = new ConditionTestHost(timeBudget: Generous);

        var outcome = Evaluate(host, "var total = 0L; for (var i = 0; i < 100_000; i++) { total += i; } return total == 4_999_950_000L;");

        Assert.Equal(ConditionOutcome.True, outcome);
    }

    private ConditionOutcome Evaluate(string code) => Evaluate(_host, code);

    private static ConditionOutcome Evaluate(ConditionTestHost host, string code) =>
        host.Evaluator.Evaluate(ConditionSource.Inline(code), typeof(PurchaseDocument), Purchase(10, "V1", Line("Item", 1)), null, Event());
}
