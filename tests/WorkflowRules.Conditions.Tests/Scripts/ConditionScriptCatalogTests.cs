using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Scripts;

public sealed class ConditionScriptCatalogTests : IDisposable
{
    private const string Above1000 = "// record: Customer\nRecord.CreditLimit > 1000m";
    private const string Above2000 = "// record: Customer\nRecord.CreditLimit > 2000m";
    private const string Broken = "// record: Customer\nRecord.CreditLimit >\n    Previos.CreditLimit";

    private readonly ConditionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Evaluate_UsesScriptFromFolder_WhenWorkflowNamesIt()
    {
        _host.WriteScript("limit", Above1000);

        Assert.Equal(ConditionOutcome.True, EvaluateLimit(1500));
        Assert.Equal(ConditionOutcome.False, EvaluateLimit(500));
    }

    [Fact]
    public void Refresh_PutsEditInUse_WhenEditedScriptCompiles()
    {
        _host.WriteScript("limit", Above1000);
        Assert.Equal(ConditionOutcome.True, EvaluateLimit(1500));

        _host.WriteScript("limit", Above2000);
        var info = _host.Scripts.Refresh("limit");

        Assert.NotNull(info);
        Assert.True(info.Compiles);
        Assert.Equal(info.FileHash, info.InUseHash);
        Assert.Equal(ConditionOutcome.False, EvaluateLimit(1500));
    }

    [Fact]
    public void Refresh_KeepsLastGoodVersionAndReportsError_WhenEditBreaksScript()
    {
        _host.WriteScript("limit", Above1000);
        var good = Assert.Single(_host.Scripts.List());

        _host.WriteScript("limit", Broken);
        _host.Scripts.Refresh("limit");

        Assert.Equal(ConditionOutcome.True, EvaluateLimit(1500));
        var info = Assert.Single(_host.Scripts.List());
        Assert.False(info.Compiles);
        Assert.Equal("Customer", info.RecordType);
        Assert.Equal(good.InUseHash, info.InUseHash);
        Assert.NotEqual(info.FileHash, info.InUseHash);
        Assert.NotNull(info.LastError);
        Assert.Equal((3, 5), (info.LastError.Line, info.LastError.Column));
        Assert.Contains("Previos", info.LastError.Message, StringComparison.Ordinal);
        Assert.Contains(_host.Log.Lines, l => l.Level == LogLevel.Warning
            && l.Message.Contains("Condition script limit", StringComparison.Ordinal)
            && l.Message.Contains("line 3, column 5", StringComparison.Ordinal)
            && l.Message.Contains($"last good version {good.InUseHash![..12]} stays in use", StringComparison.Ordinal));
    }

    [Fact]
    public void Refresh_PutsRepairInUse_WhenBrokenScriptIsFixed()
    {
        _host.WriteScript("limit", Above1000);
        _host.Scripts.Refresh("limit");
        _host.WriteScript("limit", Broken);
        _host.Scripts.Refresh("limit");

        _host.WriteScript("limit", Above2000);
        var info = _host.Scripts.Refresh("limit");

        Assert.True(info?.Compiles);
        Assert.Equal(ConditionOutcome.False, EvaluateLimit(1500));
    }

    [Fact]
    public void Evaluate_ReportsInvalid_WhenScriptNeverCompiled()
    {
        _host.WriteScript("limit", Broken);

        var outcome = EvaluateLimit(1500);

        Assert.Equal(ConditionFailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Contains("line 3, column 5", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReportsInvalid_WhenScriptIsWrittenAgainstAnotherRecordType()
    {
        _host.WriteScript("limit", Above1000);

        var outcome = _host.Evaluator.Evaluate(ConditionSource.Script("limit"), typeof(PurchaseDocument), Purchase(10), null, Event());

        Assert.Equal(ConditionFailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Contains("Customer", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_ForgetsScript_WhenFileIsDeleted()
    {
        var path = _host.WriteScript("limit", Above1000);
        Assert.Equal(ConditionOutcome.True, EvaluateLimit(1500));

        File.Delete(path);
        _host.Scripts.Refresh();

        Assert.Empty(_host.Scripts.List());
        Assert.Equal(ConditionFailureKind.ScriptMissing, EvaluateLimit(1500).Failure?.Kind);
    }

    [Theory]
    [InlineData("Record.CreditLimit > 0", "first line must declare")]
    [InlineData("// record: Vendor\nRecord.CreditLimit > 0", "'Vendor'")]
    public void List_ReportsHeaderProblem_WhenRecordTypeIsMissingOrUnknown(string code, string expected)
    {
        _host.WriteScript("limit", code);

        var info = Assert.Single(_host.Scripts.List());

        Assert.False(info.Compiles);
        Assert.Null(info.InUseHash);
        Assert.Contains(expected, info.LastError?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UsesScript_WhenItsPluginLoadsAfterScriptsWereRead()
    {
        var resolver = new SwitchableRecordTypeResolver();
        using var host = new ConditionTestHost(resolver: resolver);
        host.WriteScript("limit", Above1000);
        Assert.False(Assert.Single(host.Scripts.List()).Compiles);

        resolver.Offer();
        var outcome = host.Evaluator.Evaluate(ConditionSource.Script("limit"), typeof(Customer), Customer(1500), null, Event());

        Assert.Equal(ConditionOutcome.True, outcome);
        Assert.True(Assert.Single(host.Scripts.List()).Compiles);
    }

    [Fact]
    public void Watcher_PutsEditInUse_WithoutRefreshOrRestart()
    {
        _host.WriteScript("limit", Above1000);
        Assert.Equal(ConditionOutcome.True, EvaluateLimit(1500));
        _host.Watcher.Start();

        _host.WriteScript("limit", Above2000);

        // The watcher and the debounce run on other threads: wait for the outcome, bounded, instead of sleeping a guess.
        var waited = Stopwatch.StartNew();
        while (EvaluateLimit(1500).Holds && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            Thread.Sleep(25);
        }

        Assert.Equal(ConditionOutcome.False, EvaluateLimit(1500));
    }

    private ConditionOutcome EvaluateLimit(decimal creditLimit) =>
        _host.Evaluator.Evaluate(ConditionSource.Script("limit"), typeof(Customer), Customer(creditLimit), null, Event());
}
