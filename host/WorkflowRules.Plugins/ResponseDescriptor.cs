using System.Text.Json;
using WorkflowRules.Plugins.Registration;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Plugins;

/// <summary>A response a plugin offers, with its option schema and the means to run it.</summary>
public sealed class ResponseDescriptor
{
    private readonly IResponseOperations _operations;

    internal ResponseDescriptor(string functionName, string description, string? category, string pluginId, IResponseOperations operations)
    {
        FunctionName = functionName;
        Description = description;
        Category = category;
        PluginId = pluginId;
        _operations = operations;
        OptionSchema = operations.OptionSchema;
    }

    public string FunctionName { get; }

    /// <summary>"Then …".</summary>
    public string Description { get; }

    /// <summary>The plugin's options class (it lives in the plugin's load context: never cache it beyond a lease).</summary>
    public Type OptionsType => _operations.OptionsType;

    public string? Category { get; }

    public string PluginId { get; }

    /// <summary>The options the response takes.</summary>
    public IReadOnlyList<OptionDescriptor> OptionSchema { get; }

    /// <summary>Checks options (a JSON object; null means none given): unknown and missing mandatory options, wrong types, data annotations.</summary>
    /// <returns>Every problem found; empty when the options are valid.</returns>
    public IReadOnlyList<OptionError> ValidateOptions(JsonElement? options) => _operations.ValidateOptions(options);

    /// <summary>
    /// Reads and validates the options, creates the response from the plugin's services (a scope per call) and runs it.
    /// </summary>
    /// <exception cref="ResponseOptionsException">The options do not validate.</exception>
    /// <exception cref="ObjectDisposedException">The plugin version was unloaded: invoke through a <see cref="CatalogLease"/>.</exception>
    public Task<ResponseResult> InvokeAsync(ResponseInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return _operations.InvokeAsync(FunctionName, invocation, cancellationToken);
    }
}
