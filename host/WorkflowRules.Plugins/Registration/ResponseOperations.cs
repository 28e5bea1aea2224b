using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Plugins.Catalog;
using WorkflowRules.Plugins.Json;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Plugins.Registration;

/// <summary>Validates options for and runs one plugin response.</summary>
internal sealed class ResponseOperations<TResponse, TOptions>(PluginVersion version) : IResponseOperations
    where TResponse : class, IWorkflowResponse<TOptions>
    where TOptions : class, new()
{
    private IReadOnlyList<OptionDescriptor>? _schema;

    public Type ResponseType => typeof(TResponse);

    public Type OptionsType => typeof(TOptions);

    public IReadOnlyList<OptionDescriptor> OptionSchema =>
        _schema ??= OptionSchemaReader.Read(version.JsonOptions.GetTypeInfo(typeof(TOptions)));

    public IReadOnlyList<OptionError> ValidateOptions(JsonElement? options)
    {
        version.Pin();
        try
        {
            return ToOptionErrors(Read(options).Errors);
        }
        finally
        {
            version.Unpin();
        }
    }

    public async Task<ResponseResult> InvokeAsync(string functionName, ResponseInvocation invocation, CancellationToken cancellationToken)
    {
        version.Pin();
        try
        {
            var options = Read(invocation.Options);
            if (options.Errors.Count > 0)
            {
                throw new ResponseOptionsException(functionName, ToOptionErrors(options.Errors));
            }

            // Type.GetType and friends inside the plugin resolve in its own load context.
            using var reflection = version.LoadContext.EnterContextualReflection();
            await using var scope = version.Services!.CreateAsyncScope();
            var response = scope.ServiceProvider.GetRequiredService<TResponse>();
            var context = new ResponseContext<TOptions>
            {
                Record = invocation.Record,
                PreviousRecord = invocation.PreviousRecord,
                OriginalRecord = invocation.OriginalRecord ?? invocation.Record,
                Options = options.Value!,
                Step = invocation.Step,
                ActingUser = invocation.ActingUser,
                IdempotencyKey = invocation.IdempotencyKey,
                Events = invocation.Events,
            };
            return await response.ExecuteAsync(context, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Response {functionName} of plugin {version} returned no result.");
        }
        finally
        {
            version.Unpin();
        }
    }

    /// <summary>Absent options read as an empty object, so mandatory options are reported as missing.</summary>
    private ModelReadResult<TOptions> Read(JsonElement? options)
    {
        if (options is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } given)
        {
            return JsonModelReader.Read<TOptions>(given, version.JsonOptions, version.JsonContracts);
        }

        using var empty = JsonDocument.Parse("{}");
        return JsonModelReader.Read<TOptions>(empty.RootElement, version.JsonOptions, version.JsonContracts);
    }

    private static List<OptionError> ToOptionErrors(IReadOnlyList<FieldError> errors) =>
        [.. errors.Select(e => new OptionError(e.Path, e.Message))];
}
