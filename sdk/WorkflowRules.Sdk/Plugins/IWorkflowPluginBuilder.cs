using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Sdk.Events;
using WorkflowRules.Sdk.Responses;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Sdk.Plugins;

/// <summary>
/// What a plugin may declare. Function names (events and responses) must be unique across
/// every loaded plugin; the host refuses a plugin that repeats one.
/// </summary>
public interface IWorkflowPluginBuilder
{
    /// <summary>
    /// The plugin's private services, used to construct its responses. The host adds
    /// <c>ILoggerFactory</c>, <c>ILogger&lt;T&gt;</c> and <see cref="TimeProvider"/>.
    /// </summary>
    IServiceCollection Services { get; }

    /// <summary>Declares a record type that events carry.</summary>
    /// <typeparam name="TRecord">The typed C# class of the record's data, deserialized from JSON.</typeparam>
    /// <param name="name">A stable name, unique across plugins (e.g. <c>PurchaseDocument</c>).</param>
    /// <param name="keySelector">Returns the record's key (e.g. the document number).</param>
    /// <param name="description">Shown to people choosing record types.</param>
    IWorkflowPluginBuilder AddRecordType<TRecord>(string name, Func<TRecord, string> keySelector, string description)
        where TRecord : class;

    /// <summary>Declares an event on a record type declared with <see cref="AddRecordType{TRecord}"/>.</summary>
    /// <typeparam name="TRecord">The record type the event carries.</typeparam>
    IWorkflowPluginBuilder AddEvent<TRecord>(EventDefinition definition)
        where TRecord : class;

    /// <summary>Declares a response the host may run as a step of a workflow.</summary>
    /// <typeparam name="TResponse">The code that runs the response; constructed from <see cref="Services"/>.</typeparam>
    /// <typeparam name="TOptions">Typed options, validated with data annotations (<c>[Required]</c> marks a mandatory option).</typeparam>
    IWorkflowPluginBuilder AddResponse<TResponse, TOptions>(ResponseDefinition definition)
        where TResponse : class, IWorkflowResponse<TOptions>
        where TOptions : class, new();

    /// <summary>Contributes a read-only template workflow.</summary>
    IWorkflowPluginBuilder AddTemplate(WorkflowTemplate template);

    /// <summary>Allows <paramref name="followingEvent"/> to follow <paramref name="precedingEvent"/>; events without any rule are independent.</summary>
    IWorkflowPluginBuilder AllowEventAfter(string precedingEvent, string followingEvent);

    /// <summary>Allows <paramref name="response"/> to follow <paramref name="precedingEvent"/>; responses without any rule are independent.</summary>
    IWorkflowPluginBuilder AllowResponseAfter(string precedingEvent, string response);

    /// <summary>Declares a category that events, responses and templates may name (the host knows PURCH, SALES, FIN, ADMIN and INT).</summary>
    /// <param name="code">
    /// 1 to 10 upper-case letters and digits, starting with a letter (e.g. <c>HR</c>); not a host category and not one
    /// another loaded plugin declared (the host refuses the plugin that declares it second).
    /// </param>
    /// <param name="description">Shown to people browsing the catalog.</param>
    IWorkflowPluginBuilder AddCategory(string code, string description);

    /// <summary>
    /// Declares that a record of <typeparamref name="TRecord"/> belongs to a record of another type (an approval entry
    /// to its document): an event on it also continues the running instances of the record it belongs to.
    /// </summary>
    /// <typeparam name="TRecord">A record type declared with <see cref="AddRecordType{TRecord}"/>.</typeparam>
    /// <param name="relatedRecordType">The name of the record type it belongs to (declared by any plugin).</param>
    /// <param name="relatedKeySelector">The key of the record it belongs to, or null when it belongs to none.</param>
    IWorkflowPluginBuilder AddRecordRelation<TRecord>(string relatedRecordType, Func<TRecord, string?> relatedKeySelector)
        where TRecord : class;

    /// <summary>
    /// Requires a workflow that uses <paramref name="response"/> to also use <paramref name="requiredResponse"/>
    /// (a record change that is reverted must be applied again): enabling a workflow that breaks the pair fails.
    /// </summary>
    /// <param name="response">A response this plugin declares.</param>
    /// <param name="requiredResponse">The function name of its partner, from this or another plugin.</param>
    IWorkflowPluginBuilder RequireResponsePair(string response, string requiredResponse);
}
