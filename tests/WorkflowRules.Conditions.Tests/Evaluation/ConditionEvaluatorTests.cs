using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Evaluation;

public sealed class ConditionEvaluatorTests : IDisposable
{
    private const string LargePurchase = """Record.Amount > 1000m && Record.VendorNo.StartsWith("V")""";
    private const string ManyItems = """Record.Lines.Any(l => l.Type == "Item" && l.Quantity > 10)""";
    private const string CreditLimitIncreased = "Previous != null && Record.CreditLimit > Previous.CreditLimit";

    private readonly ConditionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(1500, "V2000", true)]
    [InlineData(1000, "V2000", false)]
    [InlineData(1500, "W2000", false)]
    public void Evaluate_AnswersLargePurchaseExample_WhenGivenRealPurchaseDocument(decimal amount, string vendorNo, bool expected)
    {
        var outcome = Evaluate(LargePurchase, typeof(PurchaseDocument), Purchase(amount, vendorNo));

        Assert.Null(outcome.Failure);
        Assert.Equal(expected, outcome.Holds);
    }

    [Fact]
    public void Evaluate_Holds_WhenAnItemLineHasMoreThanTenUnits()
    {
        var document = Purchase(500, "V1", Line("GLAccount", 50), Line("Item", 11));

        Assert.Equal(ConditionOutcome.True, Evaluate(ManyItems, typeof(PurchaseDocument), document));
    }

    [Fact]
    public void Evaluate_DoesNotHold_WhenOnlyNonItemLinesAreLarge()
    {
        var document = Purchase(500, "V1", Line("GLAccount", 50), Line("Item", 10));

        Assert.Equal(ConditionOutcome.False, Evaluate(ManyItems, typeof(PurchaseDocument), document));
    }

    [Theory]
    [InlineData(null, 5000, false)]
    [InlineData(4000, 5000, true)]
    [InlineData(6000, 5000, false)]
    public void Evaluate_AnswersCreditLimitExample_WhenGivenPreviousVersion(int? previousLimit, int currentLimit, bool expected)
    {
        var previous = previousLimit is { } limit ? Customer(limit) : null;

        var outcome = Evaluate(CreditLimitIncreased, typeof(Customer), Customer(currentLimit), previous);

        Assert.Equal(new ConditionOutcome(expected, null), outcome);
    }

    [Fact]
    public void Evaluate_RunsScriptStyleBody_WhenConditionEndsInReturn()
    {
        const string code = """
            var items = Record.Lines.Where(l => l.Type == "Item").ToList();
            decimal total = 0;
            foreach (var line in items)
            {
                total += line.Quantity * line.UnitCost;
            }
            return total > 100m && Event.User == "alice";
            """;

        var outcome = Evaluate(code, typeof(PurchaseDocument), Purchase(0, "V1", Line("Item", 5, 30m)));

        Assert.Equal(ConditionOutcome.True, outcome);
    }

    [Fact]
    public void Evaluate_ReportsExceptionWithHint_WhenConditionDereferencesMissingPrevious()
    {
        var outcome = Evaluate("Record.CreditLimit > Previous.CreditLimit", typeof(Customer), Customer(100));

        Assert.False(outcome.Holds);
        Assert.Equal(ConditionFailureKind.Exception, outcome.Failure?.Kind);
        Assert.Contains("NullReferenceException", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("Previous", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReportsInvalidWithPosition_WhenConditionDoesNotCompile()
    {
        var outcome = Evaluate("Record.Amout > 1000m", typeof(PurchaseDocument), Purchase(2000));

        Assert.Equal(ConditionFailureKind.Invalid, outcome.Failure?.Kind);
        var diagnostic = Assert.Single(outcome.Failure!.Diagnostics);
        Assert.Equal((1, 8), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("line 1, column 8", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReportsInvalid_WhenRecordIsNotOfTheConditionsRecordType()
    {
        var outcome = Evaluate(LargePurchase, typeof(PurchaseDocument), Customer(100));

        Assert.Equal(ConditionFailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Contains(typeof(Customer).FullName!, outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "large-purchase")]
    [InlineData(null, null)]
    public void Evaluate_ReportsInvalid_WhenSourceHasBothOrNeither(string? code, string? script)
    {
        var outcome = _host.Evaluator.Evaluate(new ConditionSource(code, script), typeof(Customer), Customer(1), null, Event());

        Assert.Equal(ConditionFailureKind.Invalid, outcome.Failure?.Kind);
    }

    [Fact]
    public void Evaluate_ReportsScriptMissing_WhenNoScriptHasThatName()
    {
        var outcome = _host.Evaluator.Evaluate(ConditionSource.Script("no-such-script"), typeof(Customer), Customer(1), null, Event());

        Assert.Equal(ConditionFailureKind.ScriptMissing, outcome.Failure?.Kind);
        Assert.Contains("no-such-script", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CompilesOnce_WhenSameConditionIsEvaluatedRepeatedly()
    {
        for (var i = 0; i < 5; i++)
        {
            Evaluate(LargePurchase, typeof(PurchaseDocument), Purchase(2000));
        }

        Assert.Equal(1, _host.Cache.Count);
        Assert.Single(_host.Cache.LoadContexts);
    }

    [Fact]
    public void Prepare_CompilesWholeBatchIntoOneContext_WhenGivenSeveralConditions()
    {
        _host.Evaluator.Prepare(
        [
            (ConditionSource.Inline(LargePurchase), typeof(PurchaseDocument)),
            (ConditionSource.Inline(ManyItems), typeof(PurchaseDocument)),
            (ConditionSource.Inline(CreditLimitIncreased), typeof(Customer)),
            (ConditionSource.Inline("Record.Nope"), typeof(Customer)),
        ]);

        Assert.Equal(4, _host.Cache.Count);
        Assert.Single(_host.Cache.LoadContexts);
        Assert.Equal(ConditionOutcome.True, Evaluate(CreditLimitIncreased, typeof(Customer), Customer(2), Customer(1)));
        Assert.Equal(ConditionFailureKind.Invalid, Evaluate("Record.Nope", typeof(Customer), Customer(2)).Failure?.Kind);
        Assert.Single(_host.Cache.LoadContexts);
    }

    [Fact]
    public void Retire_RecompilesOnNextEvaluation_WhenConditionWasRetired()
    {
        Evaluate(LargePurchase, typeof(PurchaseDocument), Purchase(2000));

        _host.Evaluator.Retire(ConditionSource.Inline(LargePurchase), typeof(PurchaseDocument));

        Assert.Equal(0, _host.Cache.Count);
        Assert.Equal(ConditionOutcome.True, Evaluate(LargePurchase, typeof(PurchaseDocument), Purchase(2000)));
    }

    private ConditionOutcome Evaluate(string code, Type recordType, object record, object? previous = null) =>
        _host.Evaluator.Evaluate(ConditionSource.Inline(code), recordType, record, previous, Event());
}
