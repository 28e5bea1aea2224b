using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;

namespace WorkflowRules.Conditions.Tests.Evaluation;

public sealed class ConditionValidatorTests : IDisposable
{
    private readonly ConditionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("""Record.Amount > 1000m && Record.VendorNo.StartsWith("V")""")]
    [InlineData("""Record.Lines.Any(l => l.Type == "Item" && l.Quantity > 10)""")]
    [InlineData("Record.Lines.Count == 0 || Event.OccurredAt.DayOfWeek == DayOfWeek.Friday")]
    public void Validate_ReturnsNoDiagnostics_WhenPurchaseConditionIsValid(string code)
    {
        Assert.Empty(_host.Validator.Validate(ConditionSource.Inline(code), typeof(PurchaseDocument)));
    }

    [Fact]
    public void Validate_ReturnsNoDiagnostics_WhenCreditLimitConditionIsValid()
    {
        var diagnostics = _host.Validator.Validate(
            ConditionSource.Inline("Previous != null && Record.CreditLimit > Previous.CreditLimit"), typeof(Customer));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_ReportsLineAndColumnOfTypo_WhenMemberIsMisspelled()
    {
        var diagnostics = _host.Validator.Validate(ConditionSource.Inline("Record.Amout > 1000m"), typeof(PurchaseDocument));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(1, diagnostic.Line);
        Assert.Equal(8, diagnostic.Column);
        Assert.Equal("Amout", diagnostic.OffendingText);
        Assert.Contains("Amout", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsPositionInUsersText_WhenTypoIsOnThirdLineOfStatements()
    {
        const string code = "var limit = 1000m;\nvar vendor = Record.VendorNo;\nreturn Record.Amount > limt && vendor != \"\";";

        var diagnostic = Assert.Single(_host.Validator.Validate(ConditionSource.Inline(code), typeof(PurchaseDocument)));

        Assert.Equal((3, 24), (diagnostic.Line, diagnostic.Column));
        Assert.Equal("limt", diagnostic.OffendingText);
    }

    [Fact]
    public void Validate_ReportsSyntaxErrorPosition_WhenSemicolonIsMissing()
    {
        const string code = "var limit = 1000m\nreturn Record.Amount > limit;";

        var diagnostic = Assert.Single(_host.Validator.Validate(ConditionSource.Inline(code), typeof(PurchaseDocument)));

        Assert.Equal((1, 18), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("; expected", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AsksForReturn_WhenStatementsNeverReturn()
    {
        var diagnostic = Assert.Single(_host.Validator.Validate(ConditionSource.Inline("var big = Record.Amount > 10m;"), typeof(PurchaseDocument)));

        Assert.Contains("must end with 'return", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsTypeMismatch_WhenExpressionIsNotBoolean()
    {
        var diagnostic = Assert.Single(_host.Validator.Validate(ConditionSource.Inline("Record.Amount * 2"), typeof(PurchaseDocument)));

        Assert.Equal((1, 1), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("bool", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("return true; } public static bool Other() { return true;")]
    [InlineData("return true; } } class Evil { static bool X() { return true;")]
    [InlineData("true /* unterminated")]
    public void Validate_RefusesText_WhenItEscapesTheGeneratedMethod(string code)
    {
        var diagnostics = _host.Validator.Validate(ConditionSource.Inline(code), typeof(PurchaseDocument));

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1));
    }

    [Fact]
    public void Validate_ReportsUnknownScript_WhenNoFileHasThatName()
    {
        _host.WriteScript("known", "// record: Customer\nRecord.Blocked");

        var diagnostic = Assert.Single(_host.Validator.Validate(ConditionSource.Script("unknown"), typeof(Customer)));

        Assert.Contains("'unknown'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("known", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsRecordTypeMismatch_WhenScriptIsWrittenAgainstAnotherType()
    {
        _host.WriteScript("blocked", "// record: Customer\nRecord.Blocked");

        var diagnostic = Assert.Single(_host.Validator.Validate(ConditionSource.Script("blocked"), typeof(PurchaseDocument)));

        Assert.Contains("Customer", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsPositionInFile_WhenScriptHasTypo()
    {
        _host.WriteScript("typo", "// record: Customer\nPrevious != null &&\n    Record.CreditLimt > Previous.CreditLimit");

        var diagnostic = Assert.Single(_host.Validator.Validate(ConditionSource.Script("typo"), typeof(Customer)));

        Assert.Equal((3, 12), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Validate_ReturnsNoDiagnostics_WhenScriptCompiles()
    {
        _host.WriteScript("blocked", "// record: Customer\nRecord.Blocked && Event.User != \"system\"");

        Assert.Empty(_host.Validator.Validate(ConditionSource.Script("blocked"), typeof(Customer)));
    }
}
