using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowRules.Conditions.Tests.Support;

namespace WorkflowRules.Conditions.Tests;

public sealed class ConditionServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _scripts = Directory.CreateTempSubdirectory("conditions-host-").FullName;
    private readonly ListLoggerProvider _log = new();

    public void Dispose() => Directory.Delete(_scripts, recursive: true);

    [Fact]
    public async Task AddWorkflowConditions_WarmsCompilerAndReadsScripts_WhenHostStarts()
    {
        File.WriteAllText(Path.Combine(_scripts, "blocked.csx"), "// record: Customer\nRecord.Blocked");
        using var host = BuildHost(new() { ["Conditions:ScriptsDirectory"] = _scripts });

        await host.StartAsync(CancellationToken.None);
        var service = host.Services.GetServices<IHostedService>().OfType<ConditionsHostedService>().Single();
        await service.ExecuteTask!;

        Assert.Contains(_log.Lines, l => l.Message.StartsWith("Condition compiler warmed up", StringComparison.Ordinal) && l.Message.EndsWith("(ok)", StringComparison.Ordinal));
        var script = Assert.Single(host.Services.GetRequiredService<IConditionScriptCatalog>().List());
        Assert.Equal(("blocked", "Customer", true), (script.Name, script.RecordType, script.Compiles));
        await host.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void AddWorkflowConditions_BindsDefaults_WhenSectionIsAbsent()
    {
        using var host = BuildHost([]);

        var options = host.Services.GetRequiredService<IOptions<ConditionOptions>>().Value;

        Assert.Equal("scripts", options.ScriptsDirectory);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.TimeBudget);
        Assert.Null(options.CompiledCacheDirectory);
    }

    [Fact]
    public void AddWorkflowConditions_WritesCompiledCacheUnderContentRoot_WhenDirectoryIsRelative()
    {
        using var host = BuildHost(new() { ["Conditions:CompiledCacheDirectory"] = "condition-cache" });

        host.Services.GetRequiredService<IConditionEvaluator>().Prepare([(ConditionSource.Inline("Record.Amount > 1m"), typeof(WorkflowRules.Purchasing.Documents.PurchaseDocument))]);

        Assert.Single(Directory.GetFiles(Path.Combine(_scripts, "condition-cache"), "*.dll"));
    }

    [Theory]
    [InlineData("Conditions:TimeBudget", "00:00:00")]
    [InlineData("Conditions:TimeBudget", "00:10:00")]
    [InlineData("Conditions:ScriptsDirectory", " ")]
    [InlineData("Conditions:CompiledCacheRetention", "00:00:01")]
    public async Task AddWorkflowConditions_FailsStart_WhenSettingIsInvalid(string key, string value)
    {
        using var host = BuildHost(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _scripts });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(_log);
        builder.Services.AddSingleton<IConditionRecordTypeResolver, TestRecordTypeResolver>();
        builder.Services.AddWorkflowConditions(builder.Configuration);
        return builder.Build();
    }
}
