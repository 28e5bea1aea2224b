using WorkflowRules.Host.Workflows.Requests;
using WorkflowRules.Host.Workflows.Validation;

namespace WorkflowRules.Host.Workflows.Transfer;

/// <summary>
/// Reads an import document. Only an unreadable document is refused (format, codes, descriptions, steps without id,
/// type or function); what the workflows refer to is not judged here — unknown functions, scripts, sub-workflows or
/// fields are stored as given and reported by the import's answer.
/// </summary>
public static class ImportDocumentReader
{
    public static (List<ImportEntry> Entries, WorkflowProblems Errors) Read(WorkflowTransferDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new WorkflowProblems();
        var entries = new List<ImportEntry>();
        if (document.FormatVersion != WorkflowTransferDocument.CurrentFormatVersion)
        {
            errors.Add("formatVersion", document.FormatVersion is null
                ? $"Give the document's formatVersion ({WorkflowTransferDocument.CurrentFormatVersion}, as GET /api/workflows/export writes it)."
                : $"formatVersion {document.FormatVersion} is not supported: this host reads version {WorkflowTransferDocument.CurrentFormatVersion}.");
        }

        if (document.Workflows is not { Count: > 0 } workflows)
        {
            errors.Add("workflows", "The document has no workflows to import.");
            return (entries, errors);
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < workflows.Count; i++)
        {
            var key = $"workflows[{i}]";
            if (workflows[i] is not { } item)
            {
                errors.Add(key, "A workflow cannot be null.");
                continue;
            }

            if (WorkflowRequestReader.CodeProblem(item.Code) is { } codeProblem)
            {
                errors.Add($"{key}.code", codeProblem);
            }
            else if (!codes.Add(item.Code!))
            {
                errors.Add($"{key}.code", $"'{item.Code}' appears more than once in the document.");
            }

            if (string.IsNullOrWhiteSpace(item.Description))
            {
                errors.Add($"{key}.description", "Describe what the workflow does.");
            }

            if (item.Steps is null)
            {
                errors.Add($"{key}.steps", "Give the workflow's steps.");
            }
            else if (StepRequestReader.Read(item.Steps, $"{key}.steps", errors) is { } definition && errors.IsEmpty)
            {
                entries.Add(new ImportEntry(item.Code!, item.Description!.Trim(), string.IsNullOrWhiteSpace(item.Category) ? null : item.Category.Trim(), definition));
            }
        }

        return (entries, errors);
    }
}
