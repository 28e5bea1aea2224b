using System.Runtime.Loader;
using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Evaluation;

public sealed class ConditionHandleTests : IDisposable
{
    private const string LargeWithBigLine = """Record.Amount > 1000m && Record.VendorNo.StartsWith("V") && Record.Lines.Any(l => l.Quantity > 10)""";

    private readonly ConditionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Evaluate_AnswersLikeEvaluate_ForMatchingAndNonMatchingRecords()
    {
        var handle = BindPurchase(LargeWithBigLine);

        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Purchase(1500, "V1", Line("Item", 12)), null, Event()));
        Assert.Equal(ConditionOutcome.False, handle.Evaluate(Purchase(1500, "V1", Line("Item", 2)), null, Event()));
        Assert.Equal(ConditionOutcome.False, handle.Evaluate(Purchase(500, "V1", Line("Item", 12)), null, Event()));
    }

    [Fact]
    public void Bind_CompilesNothing_UntilFirstEvaluation()
    {
        var handle = BindPurchase("Record.Amount > 1m");
        Assert.Equal(0, _host.Cache.Compiles);

        handle.Evaluate(Purchase(5), null, Event());
        handle.Evaluate(Purchase(5), null, Event());

        Assert.Equal(1, _host.Cache.Compiles);
    }

    [Fact]
    public void Evaluate_ReportsInvalidWithPosition_WhenConditionDoesNotCompile()
    {
        var handle = BindPurchase("Record.Amont > 1000m");

        var outcome = handle.Evaluate(Purchase(1500), null, Event());

        Assert.Equal(ConditionFailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Equal(1, Assert.Single(outcome.Failure!.Diagnostics).Line);
    }

    [Fact]
    public void Evaluate_ReportsException_WhenConditionThrows()
    {
        var handle = _host.Evaluator.Bind(ConditionSource.Inline("Record.CreditLimit > Previous!.CreditLimit"), typeof(Customer));

        var outcome = handle.Evaluate(Customer(5000), null, Event());

        Assert.Equal(ConditionFailureKind.Exception, outcome.Failure?.Kind);
        Assert.Contains("NullReferenceException", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReportsTimeout_WhenConditionNeverEnds()
    {
        using var host = new ConditionTestHost(timeBudget: TimeSpan.FromMilliseconds(50));
        var handle = host.Evaluator.Bind(ConditionSource.Inline("while (true) { } return true;"), typeof(PurchaseDocument));

        var outcome = handle.Evaluate(Purchase(1), null, Event());

        Assert.Equal(ConditionFailureKind.Timeout, outcome.Failure?.Kind);
    }

    [Fact]
    public void Evaluate_ReportsStoppedRecursion_WhenRecursionWouldOverflowTheStack()
    {
        using var host = new ConditionTestHost(timeBudget: TimeSpan.FromSeconds(10));
        var handle = host.Evaluator.Bind(ConditionSource.Inline("Func<int, int> f = null!; f = n => 1 + f(n + 1); return f(0) > 0;"), typeof(PurchaseDocument));

        var outcome = handle.Evaluate(Purchase(1), null, Event());

        Assert.Contains("recursed too deeply", outcome.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReportsInvalid_WhenRecordOrPreviousIsOfAnotherType()
    {
        var handle = BindPurchase("Record.Amount > 1m");

        // Unbound (the first call resolves), then bound: the fast path leaves the type check to the compiled code's casts.
        var unbound = handle.Evaluate(Customer(5), null, Event());
        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Purchase(5), null, Event()));
        var wrongRecord = handle.Evaluate(Customer(5), null, Event());
        var wrongPrevious = handle.Evaluate(Purchase(5), Customer(5), Event());

        Assert.Equal(unbound, wrongRecord);
        Assert.Equal(ConditionFailureKind.Invalid, wrongRecord.Failure?.Kind);
        Assert.Contains(typeof(Customer).FullName!, wrongRecord.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionFailureKind.Invalid, wrongPrevious.Failure?.Kind);
        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Purchase(5), Purchase(4), Event()));
    }

    [Fact]
    public void Evaluate_ReportsException_WhenTheConditionsOwnCastFails_OnRecordsOfTheRightType()
    {
        var handle = BindPurchase("(int)(object)Record.Amount > 1");

        var unbound = handle.Evaluate(Purchase(5), Purchase(4), Event());
        var bound = handle.Evaluate(Purchase(5), Purchase(4), Event());

        Assert.Equal(unbound, bound);
        Assert.Equal(ConditionFailureKind.Exception, bound.Failure?.Kind);
        Assert.Contains("InvalidCastException", bound.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Throws_WhenRecordIsNull()
    {
        var handle = BindPurchase("Record.Amount > 1m");

        Assert.Throws<ArgumentNullException>(() => handle.Evaluate(null!, null, Event()));
    }

    [Fact]
    public void Evaluate_Recompiles_WhenConditionWasRetired()
    {
        var source = ConditionSource.Inline("Record.Amount > 1m");
        var handle = _host.Evaluator.Bind(source, typeof(PurchaseDocument));
        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Purchase(5), null, Event()));

        _host.Evaluator.Retire(source, typeof(PurchaseDocument));
        Assert.Equal(0, _host.Cache.Count);

        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Purchase(5), null, Event()));
        Assert.Equal(2, _host.Cache.Compiles);
        Assert.Equal(1, _host.Cache.Count);
    }

    [Fact]
    public void Evaluate_Recompiles_WhenRecordTypeContextWasForgotten()
    {
        var handle = BindPurchase("Record.Amount > 1m");
        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Purchase(5), null, Event()));

        _host.Evaluator.Forget(AssemblyLoadContext.Default);

        Assert.Equal(ConditionOutcome.False, handle.Evaluate(Purchase(1), null, Event()));
        Assert.Equal(2, _host.Cache.Compiles);
    }

    [Fact]
    public void Evaluate_FollowsScriptEdit_WhenScriptIsRefreshed()
    {
        _host.WriteScript("limit", "// record: Customer\nRecord.CreditLimit > 1000m");
        var handle = _host.Evaluator.Bind(ConditionSource.Script("limit"), typeof(Customer));
        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Customer(1500), null, Event()));

        _host.WriteScript("limit", "// record: Customer\nRecord.CreditLimit > 2000m");
        _host.Scripts.Refresh("limit");

        Assert.Equal(ConditionOutcome.False, handle.Evaluate(Customer(1500), null, Event()));
    }

    [Fact]
    public void Evaluate_ReportsScriptMissing_UntilScriptAppears()
    {
        var handle = _host.Evaluator.Bind(ConditionSource.Script("late"), typeof(Customer));
        Assert.Equal(ConditionFailureKind.ScriptMissing, handle.Evaluate(Customer(1500), null, Event()).Failure?.Kind);

        _host.WriteScript("late", "// record: Customer\nRecord.CreditLimit > 1000m");

        Assert.Equal(ConditionOutcome.True, handle.Evaluate(Customer(1500), null, Event()));
    }

    [Fact]
    public void Evaluate_AllocatesNothing_WhenEvaluatingRepeatedly()
    {
        var handle = BindPurchase(LargeWithBigLine);
        var record = Purchase(1500, "V1", Line("GLAccount", 1), Line("Item", 12));
        var evt = Event();
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(handle.Evaluate(record, null, evt).Holds);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var held = 0;
        for (var i = 0; i < 10_000; i++)
        {
            held += handle.Evaluate(record, null, evt).Holds ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10_000, held);
    }

    private ConditionHandle BindPurchase(string code) => _host.Evaluator.Bind(ConditionSource.Inline(code), typeof(PurchaseDocument));
}
