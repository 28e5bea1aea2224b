using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Purchasing.Documents;

namespace WorkflowRules.Conditions.Tests.Safety;

public sealed class ConditionAllowListTests : IDisposable
{
    private readonly ConditionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    /// <summary>Category, condition, the text the refusal must point at.</summary>
    public static TheoryData<string, string, string> Forbidden => new()
    {
        { "file", """System.IO.File.ReadAllText("/etc/passwd").Length > 0""", "System.IO.File.ReadAllText" },
        { "file via using alias", "return global::System.IO.File.Exists(Record.No);", "global::System.IO.File.Exists" },
        { "file stream", """new System.IO.FileStream("x", System.IO.FileMode.Open) != null""", "new System.IO.FileStream" },
        { "network (not even referenced)", """new System.Net.Http.HttpClient() != null""", "Http" },
        { "process (not even referenced)", """System.Diagnostics.Process.Start("sh") != null""", "Process" },
        { "environment", """Environment.GetEnvironmentVariable("HOME") != null""", "Environment.GetEnvironmentVariable" },
        { "environment exit", "var ok = true; Environment.Exit(1); return ok;", "Environment.Exit" },
        { "typeof", "typeof(System.IO.File) != null", "typeof(System.IO.File)" },
        { "GetType", """Record.GetType().Name == "PurchaseDocument" """, "Record.GetType" },
        { "reflection", """System.Reflection.Assembly.Load("x") != null""", "System.Reflection.Assembly.Load" },
        { "activator", "Activator.CreateInstance<PurchaseLine>() != null", "Activator.CreateInstance" },
        { "thread", "new System.Threading.Thread(() => { }) != null", "new System.Threading.Thread" },
        { "thread sleep", "var ok = true; System.Threading.Thread.Sleep(10000); return ok;", "System.Threading.Thread.Sleep" },
        { "task", "System.Threading.Tasks.Task.Run(() => 1).Id > 0", "System.Threading.Tasks.Task.Run" },
        { "parallel (not even referenced)", "System.Threading.Tasks.Parallel.For(0, 10, i => { }).IsCompleted", "Parallel" },
        { "marshal", "System.Runtime.InteropServices.Marshal.AllocHGlobal(1024) != 0", "System.Runtime.InteropServices.Marshal.AllocHGlobal" },
        { "unsafe block", "unsafe { int x = 1; int* p = &x; return *p == 1; }", "unsafe" },
        { "stackalloc", "Span<int> s = stackalloc int[10]; return s.Length == 10;", "stackalloc" },
        { "dynamic", "dynamic d = Record; return d.Amount > 1000m;", "dynamic" },
        { "#r directive", "#r \"System.IO.dll\"\nRecord.Amount > 0", "#r" },
        { "#load directive", "#load \"other.csx\"\nRecord.Amount > 0", "#load" },
        { "#pragma directive", "#pragma warning disable\nRecord.Amount > 0", "#pragma" },
        { "try/catch", "try { return Record.Amount > 0; } catch { return true; }", "try" },
        { "try/finally", "try { return Record.Amount > 0; } finally { }", "try" },
        { "goto", "var i = 0; again: i++; if (i < 10) goto again; return true;", "again:" },
        { "attribute", "[System.Obsolete] bool Check() => true; return Check();", "[System.Obsolete]" },
        { "extern", "static extern bool Native(); return Native();", "extern" },
        { "GC", "var ok = true; GC.Collect(); return ok;", "GC.Collect" },
        { "AppDomain", "AppDomain.CurrentDomain.FriendlyName != null", "AppDomain.CurrentDomain" },
        { "Console (not even referenced)", """var ok = true; Console.WriteLine("x"); return ok;""", "Console" },
        { "lock", "lock (Record) { return true; }", "lock" },
        { "unbounded producer", "Enumerable.Repeat(1, int.MaxValue).Count() > 0", "Enumerable.Repeat" },
        { "unbounded range", "Enumerable.Range(0, int.MaxValue).Sum() > 0", "Enumerable.Range" },
        { "clock", "DateTime.Now.Hour > 8", "DateTime.Now" },
        { "mutating the record's lines", "((List<PurchaseLine>)Record.Lines).Clear(); return true;", "((List<PurchaseLine>)Record.Lines).Clear" },
        { "assigning a record member", "Record.Lines[0].Quantity = 0; return true;", "Record.Lines[0].Quantity" },
        { "declaring a type", "class Evil { } return true;", "class Evil { }" },
        { "cast to forbidden type", "(object)Record is System.IO.Stream", "System.IO.Stream" },
        { "forbidden generic argument", "Record.Lines.OfType<System.IO.Stream>().Any()", "Record.Lines.OfType<System.IO.Stream>" },
        { "the lowering helper", "new[] { 1 }.Any() && WorkflowRules.Conditions.Lowering.ConditionLinq.TryGetSpan(new[] { 1 }, out var span)", "WorkflowRules.Conditions.Lowering.ConditionLinq.TryGetSpan" },
        { "a name the engine reserves", "var __wr_budget = 1; return __wr_budget > 0;", "__wr_budget" },
        { "the budget itself", "var ok = true; WorkflowRules.Conditions.Budget.ConditionBudget.Loop(); return ok;", "WorkflowRules.Conditions.Budget.ConditionBudget.Loop" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Validate_RefusesWithPosition_WhenConditionUsesForbiddenApi(string category, string code, string offending)
    {
        var diagnostics = _host.Validator.Validate(ConditionSource.Inline(code), typeof(PurchaseDocument));

        Assert.True(diagnostics.Count > 0, $"{category}: no diagnostic for {code}");
        Assert.Contains(diagnostics, d =>
            (d.OffendingText?.Contains(offending, StringComparison.Ordinal) ?? false) || d.Message.Contains(offending, StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString()));
    }

    [Fact]
    public void Validate_ExplainsRefusal_WhenConditionReadsAFile()
    {
        var diagnostics = _host.Validator.Validate(ConditionSource.Inline("""System.IO.File.ReadAllText("x").Length > 0"""), typeof(PurchaseDocument));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((1, 1), (diagnostic.Line, diagnostic.Column));
        Assert.Equal("System.IO.File.ReadAllText", diagnostic.OffendingText);
        Assert.StartsWith("System.IO.File.ReadAllText is not allowed in a condition (line 1, column 1): conditions may only use", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PositionsRefusalInUsersText_WhenForbiddenCallIsOnLaterLine()
    {
        const string code = "var ok = Record.Amount > 0;\nif (ok)\n    ok = Environment.ProcessorCount > 1;\nreturn ok;";

        var diagnostic = Assert.Single(_host.Validator.Validate(ConditionSource.Inline(code), typeof(PurchaseDocument)));

        Assert.Equal((3, 10), (diagnostic.Line, diagnostic.Column));
        Assert.Equal("Environment.ProcessorCount", diagnostic.OffendingText);
    }

    public static TheoryData<string> Allowed => new()
    {
        """Record.No.Trim().ToUpperInvariant().Contains("PO", StringComparison.Ordinal) && Record.VendorNo.Length is > 2 and < 20""",
        "Math.Round(Record.Amount * 1.2m, 2, MidpointRounding.AwayFromZero) > Math.Max(100m, Record.Lines.Sum(l => l.Quantity * l.UnitCost))",
        "Event.OccurredAt > new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) && Event.OccurredAt.TimeOfDay < TimeSpan.FromHours(18)",
        """Record.Lines.GroupBy(l => l.Type).ToDictionary(g => g.Key, g => g.Count()).GetValueOrDefault("Item") > 2""",
        """new HashSet<string> { "V1", "V2" }.Contains(Record.VendorNo) || new[] { "Item", "Resource" }.Contains(Record.Lines[0].Type)""",
        """var counts = new Dictionary<string, int> { ["Item"] = 1 }; return counts.TryGetValue("Item", out var n) && n == 1;""",
        """$"{Record.No}-{Record.Amount:0.00}".Length > 5""",
        "Record is { Amount: > 1000m, Status: \"Open\" } && Record.Lines.Count switch { 0 => false, _ => true }",
        """var (count, total) = (Record.Lines.Count, Record.Lines.Sum(l => l.Quantity)); return count > 0 && total > 0;""",
        "bool Big(PurchaseLine l) => l.Quantity > 10; var list = new List<PurchaseLine>(Record.Lines); return list.Exists(Big) || list.Count == 0;",
        """decimal total = 0; for (var i = 0; i < Record.Lines.Count; i++) { total += Record.Lines[i].Quantity; } return total > 10;""",
        "Guid.TryParse(Record.No, out var id) ? id != Guid.Empty : DateOnly.FromDateTime(Event.OccurredAt.UtcDateTime).Year > 2000",
        "nameof(Record.Amount) == \"Amount\" && Record.Lines.Select(l => l.No).Order().FirstOrDefault() != \"x\"",
        """(from l in Record.Lines where l.Type == "Item" select l.Quantity into q where q > 1 select q).Any()""",
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Validate_Accepts_WhenConditionUsesOnlyAllowedApis(string code)
    {
        var diagnostics = _host.Validator.Validate(ConditionSource.Inline(code), typeof(PurchaseDocument));

        Assert.True(diagnostics.Count == 0, string.Join(Environment.NewLine, diagnostics));
    }
}
