using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Scripts;

/// <summary>Every script shipped in the repository's scripts/ folder must compile, so a broken script fails CI.</summary>
public sealed class RepositoryScriptsTests : IDisposable
{
    private readonly ConditionTestHost _host = new();
    private readonly string _scripts = Path.Combine(RepositoryRoot.Find(), "scripts");

    public void Dispose() => _host.Dispose();

    public static TheoryData<string> ScriptNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "scripts"), "*.csx").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void ScriptsFolder_ShipsSampleScripts_WhenRepositoryIsCheckedOut()
    {
        Assert.True(ScriptNames().Count >= 2, $"expected sample scripts in {_scripts}");
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Validate_ReturnsNoDiagnostics_ForEveryRepositoryScriptAgainstItsDeclaredRecordType(string name)
    {
        var code = File.ReadAllText(Path.Combine(_scripts, name + ".csx"));
        var firstLine = code.Split('\n')[0].Trim();
        var declared = firstLine.StartsWith("// record:", StringComparison.Ordinal) ? firstLine["// record:".Length..].Trim() : null;
        Assert.True(declared is not null, $"{name}.csx: the first line must be '// record: <RecordType>', not '{firstLine}'");
        var recordType = new TestRecordTypeResolver().Resolve(declared);
        Assert.True(recordType is not null, $"{name}.csx declares record type '{declared}', which no sample plugin offers");

        var diagnostics = _host.Validator.Validate(ConditionSource.Inline(code), recordType);

        Assert.True(diagnostics.Count == 0, $"{name}.csx:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}");
    }

    [Fact]
    public void Evaluate_FlagsLargePurchase_WhenSampleScriptRunsOnRealDocument()
    {
        CopyToHost("large-purchase");

        var big = Purchase(25_000m, "V1000", Line("Item", 50, 500m));
        var small = Purchase(200m, "V1000", Line("Item", 2, 100m));

        Assert.Equal(ConditionOutcome.True, EvaluateScript("large-purchase", typeof(PurchaseDocument), big));
        Assert.Equal(ConditionOutcome.False, EvaluateScript("large-purchase", typeof(PurchaseDocument), small));
    }

    [Fact]
    public void Evaluate_FlagsCreditLimitIncrease_WhenSampleScriptComparesWithPrevious()
    {
        CopyToHost("credit-limit-increased");

        Assert.Equal(ConditionOutcome.True, EvaluateScript("credit-limit-increased", typeof(Customer), Customer(20_000m), Customer(10_000m)));
        Assert.Equal(ConditionOutcome.False, EvaluateScript("credit-limit-increased", typeof(Customer), Customer(10_000m), Customer(20_000m)));
        Assert.Equal(ConditionOutcome.False, EvaluateScript("credit-limit-increased", typeof(Customer), Customer(20_000m), null));
    }

    private void CopyToHost(string name) =>
        File.Copy(Path.Combine(_scripts, name + ".csx"), Path.Combine(_host.ScriptsDirectory, name + ".csx"));

    private ConditionOutcome EvaluateScript(string name, Type recordType, object record, object? previous = null) =>
        _host.Evaluator.Evaluate(ConditionSource.Script(name), recordType, record, previous, Event());
}
