using System.Reflection;
using System.Runtime.CompilerServices;
using WorkflowRules.Conditions.ChangeRules;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Sdk.Conditions;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.Unloading;

public sealed class FieldChangeRuleUnloadTests
{
    private static readonly FieldChangeRule CreditLimitIncreased = new("CreditLimit", FieldChange.Increased);

    // Lives as long as the test, as the host's singleton lives as long as the process.
    private readonly FieldChangeRuleEvaluator _evaluator = new();

    [Fact]
    public void Unload_CollectsPluginContext_WhileEvaluatorThatCachedItsFieldsLivesOn()
    {
        var plugin = UsePluginCopy();

        Assert.True(Collected.All([plugin]), "the plugin's load context is still alive: the evaluator's cache roots its types");
        Assert.True(_evaluator.Holds(CreditLimitIncreased, Customer(2m), Customer(1m)));
    }

    /// <summary>Everything that touches the plugin's types stays in this frame, so nothing on the test's stack roots them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference UsePluginCopy()
    {
        var plugin = TestPluginLoadContext.Load(typeof(Customer).Assembly.Location);
        var customerType = plugin.Assemblies.Single().GetType(typeof(Customer).FullName!, throwOnError: true)!;
        Assert.NotSame(typeof(Customer), customerType);

        Assert.Null(_evaluator.Validate(CreditLimitIncreased, customerType, eventCarriesPreviousRecord: true));
        Assert.Null(_evaluator.Validate(new FieldChangeRule("Name", FieldChange.Changed), customerType, eventCarriesPreviousRecord: true));
        Assert.True(_evaluator.Holds(CreditLimitIncreased, NewCustomer(customerType, 5000m), NewCustomer(customerType, 4000m)));
        Assert.False(_evaluator.Holds(new FieldChangeRule("Name", FieldChange.Changed), NewCustomer(customerType, 1m), NewCustomer(customerType, 2m)));

        var weak = new WeakReference(plugin);
        plugin.Unload();
        return weak;
    }

    private static object NewCustomer(Type type, decimal creditLimit)
    {
        var customer = Activator.CreateInstance(type)!;
        type.GetProperty("No")!.SetValue(customer, "C-1");
        type.GetProperty("CreditLimit", BindingFlags.Public | BindingFlags.Instance)!.SetValue(customer, creditLimit);
        return customer;
    }
}
