using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Sdk.Conditions;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Budget;

public sealed class ConditionAllocationTests : IDisposable
{
    private const int Evaluations = 10_000;

    private readonly ConditionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string> Examples => new()
    {
        { """Record.Amount > 1000m && Record.VendorNo.StartsWith("V")""", nameof(PurchaseDocument) },
        { """Record.Lines.Any(l => l.Type == "Item" && l.Quantity > 10)""", nameof(PurchaseDocument) },
        // A capturing predicate: as LINQ it would allocate a closure and a delegate per evaluation; lowered to a loop, nothing.
        { "var least = 10m; return Record.Lines.Any(l => l.Quantity > least) && Record.Lines.Count(l => l.Quantity < least) == 1;", nameof(PurchaseDocument) },
        { "Previous != null && Record.CreditLimit > Previous.CreditLimit", nameof(Customer) },
        { "Approvals.Pending == 0 && Approvals.Approved > 0 && Record.Amount > 1000m", nameof(PurchaseDocument) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Evaluate_AllocatesNothing_WhenEvaluatingExampleRepeatedly(string code, string recordType)
    {
        var source = ConditionSource.Inline(code);
        // Every example reads (or ignores) the approval state a real approval event carries.
        var evt = Event(new ApprovalState(Pending: 0, Approved: 2, Rejected: 0, PendingForRecord: 0));
        var (type, record, previous) = recordType == nameof(Customer)
            ? (typeof(Customer), (object)Customer(5000), (object?)Customer(4000))
            : (typeof(PurchaseDocument), Purchase(1500, "V1", Line("GLAccount", 1), Line("Item", 12)), null);
        var evaluator = _host.Evaluator;
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(evaluator.Evaluate(source, type, record, previous, evt).Holds);
        }

        // The least of three rounds: a per-evaluation allocation shows in every round (10,000 times over), while a
        // one-off allocation the runtime makes on this thread (a method reaching its next tier meanwhile) shows in one.
        var allocated = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var held = 0;
            for (var i = 0; i < Evaluations; i++)
            {
                held += evaluator.Evaluate(source, type, record, previous, evt).Holds ? 1 : 0;
            }

            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(Evaluations, held);
        }

        Assert.Equal(0, allocated);
    }
}
