using WorkflowRules.Sdk.Events;
using WorkflowRules.Sdk.Plugins;
using WorkflowRules.Sdk.Responses;

namespace TestPlugins.Flaky;

/// <summary>A ticket record, an event on it and responses that fail, or run, while a marker file exists.</summary>
public sealed class FlakyPlugin : IWorkflowPlugin
{
    public void Register(IWorkflowPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddCategory("QA", "Test plugins")
            .AddRecordType<Ticket>("Ticket", ticket => ticket.Id, "A test ticket")
            .AddEvent<Ticket>(new EventDefinition("TICKET_OPENED", "When a ticket is opened") { Category = "QA" })
            .AddResponse<FailWhileMarkerExistsResponse, FailWhileMarkerExistsOptions>(
                new ResponseDefinition("FAIL_WHILE_MARKER_EXISTS", "Then fail while the marker file exists"))
            .AddResponse<WaitWhileMarkerExistsResponse, FailWhileMarkerExistsOptions>(
                new ResponseDefinition("WAIT_WHILE_MARKER_EXISTS", "Then run until the marker file is gone"));
    }
}
