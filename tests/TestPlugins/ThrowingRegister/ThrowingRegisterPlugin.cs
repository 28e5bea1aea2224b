using WorkflowRules.Sdk.Events;
using WorkflowRules.Sdk.Plugins;

namespace TestPlugins.ThrowingRegister;

/// <summary>Declares a record type and an event, then fails.</summary>
public sealed class ThrowingRegisterPlugin : IWorkflowPlugin
{
    public void Register(IWorkflowPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddRecordType<Gadget>("Gadget", gadget => gadget.No, "A gadget")
            .AddEvent<Gadget>(new EventDefinition("GADGET_CREATED", "When a gadget is created"));
        throw new NotSupportedException("Simulated failure in Register.");
    }
}
