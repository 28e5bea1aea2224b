using System.Security.Claims;
using System.Text.Json.Nodes;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Host.Workflows.Lifecycle;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Templates;

/// <summary>Template rows: read-only workflows (never enabled), their versions written in the name of their source.</summary>
public static class TemplateRows
{
    public static Workflow Create(ShippedTemplate template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        var workflow = new Workflow
        {
            Id = Guid.NewGuid(),
            Code = template.Code,
            Description = template.Description,
            Category = template.Category,
            IsTemplate = true,
            TemplateSource = template.Source,
            CreatedAt = now,
        };
        Publish(workflow, template, now);
        return workflow;
    }

    /// <summary>Brings a template row to what is shipped now; false when it was already.</summary>
    public static bool Restore(Workflow workflow, ShippedTemplate template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(template);
        var changed = false;
        if (workflow.Description != template.Description || workflow.Category != template.Category || workflow.TemplateSource != template.Source || workflow.Enabled)
        {
            (workflow.Description, workflow.Category, workflow.TemplateSource, workflow.Enabled) = (template.Description, template.Category, template.Source, false);
            workflow.UpdatedAt = now;
            changed = true;
        }

        if (workflow.CurrentVersion is not { } current || !SameDefinition(current.DefinitionJson, template.Definition))
        {
            Publish(workflow, template, now);
            changed = true;
        }

        return changed;
    }

    /// <summary>Compares as JSON values: the database (jsonb) orders object keys its own way.</summary>
    private static bool SameDefinition(string stored, WorkflowDefinition shipped) =>
        JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(DefinitionJson.Serialize(shipped)));

    private static void Publish(Workflow workflow, ShippedTemplate template, DateTimeOffset now)
    {
        var author = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, $"template:{template.Source}")], authenticationType: "template"));
        WorkflowVersions.MakeCurrent(workflow, WorkflowVersions.Add(workflow, template.Definition, author, now), author, now);
    }
}
