using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Plugins.Catalog;
using WorkflowRules.Sdk.Events;
using WorkflowRules.Sdk.Plugins;
using WorkflowRules.Sdk.Responses;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Plugins.Registration;

/// <summary>Collects what a plugin declares; <see cref="RegistrationValidator"/> checks it all once <c>Register</c> returns.</summary>
internal sealed class PluginBuilder(PluginVersion version) : IWorkflowPluginBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection();

    public List<RecordTypeDeclaration> RecordTypes { get; } = [];

    public List<EventDeclaration> Events { get; } = [];

    public List<ResponseDeclaration> Responses { get; } = [];

    public List<WorkflowTemplate> Templates { get; } = [];

    public List<(string PrecedingEvent, string FollowingEvent)> EventCombinations { get; } = [];

    public List<(string PrecedingEvent, string Response)> ResponseCombinations { get; } = [];

    public List<(string Code, string Description)> Categories { get; } = [];

    public List<RecordRelationDeclaration> RecordRelations { get; } = [];

    public List<(string Response, string RequiredResponse)> ResponsePairs { get; } = [];

    public IWorkflowPluginBuilder AddRecordType<TRecord>(string name, Func<TRecord, string> keySelector, string description)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(keySelector);
        RecordTypes.Add(new(name, description ?? "", typeof(TRecord), new RecordTypeOperations<TRecord>(version, keySelector)));
        return this;
    }

    public IWorkflowPluginBuilder AddEvent<TRecord>(EventDefinition definition)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(definition);
        Events.Add(new(definition, typeof(TRecord)));
        return this;
    }

    public IWorkflowPluginBuilder AddResponse<TResponse, TOptions>(ResponseDefinition definition)
        where TResponse : class, IWorkflowResponse<TOptions>
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(definition);
        Responses.Add(new(definition, new ResponseOperations<TResponse, TOptions>(version)));
        return this;
    }

    public IWorkflowPluginBuilder AddTemplate(WorkflowTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        Templates.Add(template);
        return this;
    }

    public IWorkflowPluginBuilder AllowEventAfter(string precedingEvent, string followingEvent)
    {
        ArgumentNullException.ThrowIfNull(precedingEvent);
        ArgumentNullException.ThrowIfNull(followingEvent);
        EventCombinations.Add((precedingEvent, followingEvent));
        return this;
    }

    public IWorkflowPluginBuilder AllowResponseAfter(string precedingEvent, string response)
    {
        ArgumentNullException.ThrowIfNull(precedingEvent);
        ArgumentNullException.ThrowIfNull(response);
        ResponseCombinations.Add((precedingEvent, response));
        return this;
    }

    public IWorkflowPluginBuilder AddCategory(string code, string description)
    {
        ArgumentNullException.ThrowIfNull(code);
        Categories.Add((code, description ?? ""));
        return this;
    }

    public IWorkflowPluginBuilder AddRecordRelation<TRecord>(string relatedRecordType, Func<TRecord, string?> relatedKeySelector)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(relatedRecordType);
        ArgumentNullException.ThrowIfNull(relatedKeySelector);
        RecordRelations.Add(new(relatedRecordType, new RecordRelationOperations<TRecord>(version, relatedKeySelector)));
        return this;
    }

    public IWorkflowPluginBuilder RequireResponsePair(string response, string requiredResponse)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(requiredResponse);
        ResponsePairs.Add((response, requiredResponse));
        return this;
    }
}
