using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>Export and import (lossless: every field of every step), and the document's JSON Schema.</summary>
public static class WorkflowTransferEndpoints
{
    /// <summary>Maps the routes under <c>/api/workflows</c>; part of <see cref="WorkflowEndpoints.MapWorkflows"/>.</summary>
    public static void MapWorkflowTransfer(this RouteGroupBuilder read, RouteGroupBuilder write)
    {
        ArgumentNullException.ThrowIfNull(write);
        read.MapGet("/export", (string[]? code, HttpContext http, WorkflowExporter exporter, CancellationToken cancellationToken) =>
            ExportAsync(code ?? [], fileName: "workflows", http, exporter, cancellationToken));
        read.MapGet("/{code}/export", (string code, HttpContext http, WorkflowExporter exporter, CancellationToken cancellationToken) =>
            ExportAsync([code], fileName: code, http, exporter, cancellationToken));
        read.MapGet("/export/schema", () => TypedResults.Text(WorkflowExportSchema.Json, WorkflowExportSchema.MediaType)).AllowAnonymous();
        write.MapPost("/import", ImportAsync);
    }

    private static async Task<Results<JsonHttpResult<WorkflowTransferDocument>, ProblemHttpResult>> ExportAsync(
        string[] codes, string fileName, HttpContext http, WorkflowExporter exporter, CancellationToken cancellationToken)
    {
        var (document, problem) = await exporter.ExportAsync(codes, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.workflow.json\"";
        return TypedResults.Json(document, TransferJson.Options);
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        WorkflowTransferDocument document, ClaimsPrincipal user, WorkflowImporter importer, CancellationToken cancellationToken)
    {
        var (result, problem) = await importer.ImportAsync(document, user, cancellationToken);
        return result is null ? problem! : TypedResults.Ok(result);
    }
}
