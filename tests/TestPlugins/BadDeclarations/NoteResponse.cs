using WorkflowRules.Sdk.Responses;

namespace TestPlugins.BadDeclarations;

/// <summary>A response that does nothing.</summary>
public sealed class NoteResponse : IWorkflowResponse<NoteOptions>
{
    public Task<ResponseResult> ExecuteAsync(ResponseContext<NoteOptions> context, CancellationToken cancellationToken) =>
        Task.FromResult(ResponseResult.Completed());
}
