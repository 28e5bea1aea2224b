using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Sdk.Conditions;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Evaluation;

/// <summary>The <c>Approvals</c> variable: the approval state the event carries.</summary>
public sealed class ConditionApprovalsTests : IDisposable
{
    private static readonly ApprovalState TwoPending = new(Pending: 2, Approved: 1, Rejected: 0, PendingForRecord: 3);
    private static readonly ApprovalState LastApproved = new(Pending: 0, Approved: 3, Rejected: 0, PendingForRecord: 0);

    private readonly ConditionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, bool, bool> Conditions => new()
    {
        // Condition, holds with two pending, holds once the last approval is done.
        { "Approvals.Pending > 0", true, false },
        { "Approvals.Pending == 0", false, true },
        { "Approvals.Pending == 0 && Approvals.Approved > 0 && Approvals.Rejected == 0", false, true },
        { "Approvals.PendingForRecord > Approvals.Pending", true, false },
        { "Event.Approvals.Pending > 0", true, false },
        { "Approvals is { Pending: 0, Rejected: 0 }", false, true },
        { "var left = Approvals.Pending;\nreturn left > 0 && Record.Amount > 100m;", true, false },
        { "return Record.Lines.Any(l => l.Quantity > Approvals.Pending);", true, true },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Evaluate_ReadsApprovalState_WhenConditionUsesApprovals(string code, bool whilePending, bool whenDone)
    {
        var document = Purchase(1500m, "V1", Line("Item", 5));

        Assert.Equal(new ConditionOutcome(whilePending, null), Evaluate(code, document, Event(TwoPending)));
        Assert.Equal(new ConditionOutcome(whenDone, null), Evaluate(code, document, Event(LastApproved)));
    }

    [Fact]
    public void Evaluate_SeesNoApprovals_WhenEventCarriesNone()
    {
        var outcome = Evaluate("Approvals.Pending == 0 && Approvals.Approved == 0 && Approvals.Rejected == 0 && Approvals.PendingForRecord == 0", Purchase(1m), Event());

        Assert.Equal(ConditionOutcome.True, outcome);
    }

    [Fact]
    public void Evaluate_SeesNoApprovals_WhenCallerSetApprovalsToNull()
    {
        var outcome = Evaluate("Approvals.Pending == 0", Purchase(1m), Event() with { Approvals = null! });

        Assert.Equal(ConditionOutcome.True, outcome);
    }

    [Fact]
    public void Validate_ReportsPositionInUsersText_WhenApprovalsMemberIsMisspelled()
    {
        var diagnostic = Assert.Single(Validate("Approvals.Pendng > 0"));

        Assert.Equal((1, 11), (diagnostic.Line, diagnostic.Column));
        Assert.Equal("Pendng", diagnostic.OffendingText);
    }

    [Fact]
    public void Validate_ReportsPositionInUsersText_WhenTypoFollowsApprovalsOnLaterLine()
    {
        const string code = "var pending = Approvals.Pending;\nvar done = pending == 0;\nreturn done && Record.Amout > 0;";

        var diagnostic = Assert.Single(Validate(code));

        Assert.Equal((3, 23), (diagnostic.Line, diagnostic.Column));
        Assert.Equal("Amout", diagnostic.OffendingText);
    }

    /// <remarks>
    /// Uses of the name after the declaration still bind to the condition's variable and may add their own errors
    /// (an ApprovalState compared with an int); the one that explains comes first.
    /// </remarks>
    [Theory]
    [InlineData("var Approvals = 2;\nreturn Approvals > 1;", 1, 5, "Approvals")]
    [InlineData("var count = Record.Lines.Count;\nif (count > 0) { var Record = 1; return Record > 0; }\nreturn false;", 2, 22, "Record")]
    [InlineData("Record.Amount is var Approvals && Approvals > 0", 1, 22, "Approvals")]
    [InlineData("var ok = true;\nbool Approvals() => ok;\nreturn ok;", 2, 6, "Approvals")]
    public void Validate_SaysNameIsTaken_WhenConditionDeclaresItsOwnVariableOfThatName(string code, int line, int column, string name)
    {
        var diagnostic = Validate(code)[0];

        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.StartsWith($"'{name}' is already a variable of every condition (", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("give your variable another name", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AcceptsLambdaParameterNamedApprovals_BecauseItShadowsTheVariable()
    {
        Assert.Empty(Validate("Record.Lines.Any(Approvals => Approvals.Quantity > 1)"));
    }

    [Fact]
    public void Validate_RefusesReflection_WhenAppliedToApprovals()
    {
        var diagnostic = Assert.Single(Validate("Approvals.GetType().Name.Length > 0"));

        Assert.Contains("reflection", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("Approvals.GetType", diagnostic.OffendingText);
    }

    [Fact]
    public void Evaluate_UsesApprovalsInScript_WhenScriptFileReadsThem()
    {
        _host.WriteScript("last-approval", "// record: PurchaseDocument\n// The last approval of a large order is done.\nApprovals.Pending == 0 && Record.Amount > 1000m");
        var document = Purchase(1500m);

        Assert.Equal(ConditionOutcome.True, _host.Evaluator.Evaluate(ConditionSource.Script("last-approval"), typeof(PurchaseDocument), document, null, Event(LastApproved)));
        Assert.Equal(ConditionOutcome.False, _host.Evaluator.Evaluate(ConditionSource.Script("last-approval"), typeof(PurchaseDocument), document, null, Event(TwoPending)));
    }

    [Fact]
    public void Validate_ReportsPositionInFile_WhenScriptMisspellsApprovalsMember()
    {
        _host.WriteScript("typo", "// record: PurchaseDocument\nRecord.Amount > 1000m &&\n    Approvals.Pendin == 0");

        var diagnostic = Assert.Single(_host.Validator.Validate(ConditionSource.Script("typo"), typeof(PurchaseDocument)));

        Assert.Equal((3, 15), (diagnostic.Line, diagnostic.Column));
    }

    private ConditionOutcome Evaluate(string code, PurchaseDocument document, ConditionEvent evt) =>
        _host.Evaluator.Evaluate(ConditionSource.Inline(code), typeof(PurchaseDocument), document, null, evt);

    private IReadOnlyList<ConditionDiagnostic> Validate(string code) =>
        _host.Validator.Validate(ConditionSource.Inline(code), typeof(PurchaseDocument));
}
