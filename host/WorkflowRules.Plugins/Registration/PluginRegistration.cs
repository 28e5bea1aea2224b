using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WorkflowRules.Plugins.Catalog;

namespace WorkflowRules.Plugins.Registration;

/// <summary>Turns validated declarations into the version's descriptors and builds its service provider.</summary>
internal static class PluginRegistration
{
    public static void Apply(PluginVersion version, PluginBuilder builder)
    {
        var id = version.Id;
        var recordTypes = builder.RecordTypes
            .Select(r => (r.ClrType, Descriptor: new RecordTypeDescriptor(r.Name, r.Description, id, r.Operations)))
            .ToList();
        version.RecordTypes = [.. recordTypes.Select(r => r.Descriptor)];
        version.Events =
        [
            .. builder.Events.Select(e => new EventDescriptor(
                e.Definition.FunctionName,
                e.Definition.Description,
                recordTypes.First(r => r.ClrType == e.RecordClrType).Descriptor,
                e.Definition.CarriesPreviousRecord,
                e.Definition.Category,
                id)),
        ];
        version.Responses =
        [
            .. builder.Responses.Select(r => new ResponseDescriptor(
                r.Definition.FunctionName, r.Definition.Description, r.Definition.Category, id, r.Operations)),
        ];
        version.Templates =
        [
            .. builder.Templates.Select(t => new TemplateDescriptor(
                t.Code,
                t.Description,
                t.EntryEvent,
                t.Category,
                t.Condition,
                [.. (t.Responses ?? []).Select(r => new TemplateResponseDescriptor(r.FunctionName, TemplateOptions.TryParse(r.OptionsJson, out var options, out _) ? options : null))],
                id) { Steps = [.. t.Steps ?? []] }),
        ];
        version.Categories = [.. builder.Categories.Select(c => new CategoryDescriptor(c.Code, c.Description, id))];
        version.RecordRelations =
        [
            .. builder.RecordRelations.Select(r => new RecordRelationDescriptor(
                recordTypes.First(t => t.ClrType == r.Operations.RecordClrType).Descriptor.Name, r.RelatedRecordType, id, r.Operations)),
        ];
        version.ResponsePairs = [.. builder.ResponsePairs.Select(p => new ResponsePairDescriptor(p.Response, p.RequiredResponse, id))];
        version.EventCombinations = [.. builder.EventCombinations];
        version.ResponseCombinations = [.. builder.ResponseCombinations];
    }

    /// <summary>
    /// The plugin's own services, each response as transient (unless the plugin registered it), and the host's
    /// logging and time — unless the plugin brought its own.
    /// </summary>
    public static ServiceProvider BuildServices(PluginBuilder builder, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var services = builder.Services;
        foreach (var response in builder.Responses)
        {
            services.TryAddTransient(response.Operations.ResponseType);
        }

        services.TryAddSingleton(loggerFactory);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.TryAddSingleton(timeProvider);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
