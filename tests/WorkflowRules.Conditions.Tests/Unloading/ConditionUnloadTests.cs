using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using WorkflowRules.Conditions.Tests.Support;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Unloading;

public sealed class ConditionUnloadTests : IDisposable
{
    private readonly ConditionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Forget_UnloadsEveryConditionContext_AfterHundredsOfDistinctConditions()
    {
        var contexts = CompileDistinctConditions(count: 200);
        Assert.Equal(200, contexts.Count);

        _host.Evaluator.Forget(AssemblyLoadContext.Default);

        Assert.Equal(0, _host.Cache.Count);
        Assert.True(Collected.All(contexts), $"{contexts.Count(c => c.IsAlive)} of {contexts.Count} condition contexts are still alive");
    }

    [Fact]
    public void Forget_LetsPluginContextUnload_WhenRecordTypeComesFromCollectiblePlugin()
    {
        var (plugin, condition) = EvaluateAgainstPluginCopy();

        Assert.True(Collected.All([plugin, condition]), $"plugin alive: {plugin.IsAlive}, condition context alive: {condition.IsAlive}");
    }

    [Fact]
    public void Refresh_UnloadsReplacedVersion_WhenScriptIsEdited()
    {
        var old = CompileScriptVersion("// record: Customer\nRecord.CreditLimit > 1000m");

        _host.WriteScript("limit", "// record: Customer\nRecord.CreditLimit > 2000m");
        _host.Scripts.Refresh("limit");

        Assert.True(Collected.All([old]), "the replaced version's context is still alive");
        Assert.Equal(ConditionOutcome.False, _host.Evaluator.Evaluate(ConditionSource.Script("limit"), typeof(Customer), Customer(1500), null, Event()));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private List<WeakReference> CompileDistinctConditions(int count)
    {
        var document = Purchase(1000, "V1", Line("Item", 3));
        for (var i = 0; i < count; i++)
        {
            var outcome = _host.Evaluator.Evaluate(ConditionSource.Inline($"Record.Amount > {i}m"), typeof(PurchaseDocument), document, null, Event());
            Assert.Equal(i < 1000, outcome.Holds);
        }

        return [.. _host.Cache.LoadContexts.Select(c => new WeakReference(c))];
    }

    /// <summary>Everything that touches the plugin's types stays in this frame, so nothing on the test's stack roots them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (WeakReference Plugin, WeakReference Condition) EvaluateAgainstPluginCopy()
    {
        var plugin = TestPluginLoadContext.Load(typeof(Customer).Assembly.Location);
        var customerType = plugin.Assemblies.Single().GetType(typeof(Customer).FullName!, throwOnError: true)!;
        Assert.NotSame(typeof(Customer), customerType);
        var record = NewCustomer(customerType, 5000m);
        var previous = NewCustomer(customerType, 4000m);

        var outcome = _host.Evaluator.Evaluate(
            ConditionSource.Inline("Previous != null && Record.CreditLimit > Previous.CreditLimit"), customerType, record, previous, Event());

        Assert.Equal(ConditionOutcome.True, outcome);
        var condition = Assert.Single(_host.Cache.LoadContexts);
        var weak = (new WeakReference(plugin), new WeakReference(condition));
        _host.Evaluator.Forget(plugin);
        plugin.Unload();
        return weak;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference CompileScriptVersion(string code)
    {
        _host.WriteScript("limit", code);
        Assert.Equal(ConditionOutcome.True, _host.Evaluator.Evaluate(ConditionSource.Script("limit"), typeof(Customer), Customer(1500), null, Event()));
        return new WeakReference(Assert.Single(_host.Cache.LoadContexts));
    }

    private static object NewCustomer(Type type, decimal creditLimit)
    {
        var customer = Activator.CreateInstance(type)!;
        type.GetProperty("No")!.SetValue(customer, "C-1");
        type.GetProperty("CreditLimit", BindingFlags.Public | BindingFlags.Instance)!.SetValue(customer, creditLimit);
        return customer;
    }
}
