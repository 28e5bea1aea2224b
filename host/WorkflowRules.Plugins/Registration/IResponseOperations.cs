using System.Text.Json;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Plugins.Registration;

/// <summary>What a <see cref="ResponseDescriptor"/> does, implemented once per response with its types known statically.</summary>
internal interface IResponseOperations
{
    Type ResponseType { get; }

    Type OptionsType { get; }

    IReadOnlyList<OptionDescriptor> OptionSchema { get; }

    IReadOnlyList<OptionError> ValidateOptions(JsonElement? options);

    Task<ResponseResult> InvokeAsync(string functionName, ResponseInvocation invocation, CancellationToken cancellationToken);
}
