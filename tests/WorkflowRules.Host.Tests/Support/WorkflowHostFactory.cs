using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace WorkflowRules.Host.Tests.Support;

/// <summary>The real host (Program) on Kestrel on a free loopback port, configured through settings only.</summary>
public sealed class WorkflowHostFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // The test runner does not drain a test process's stdout: once its pipe is full, a console logger blocks
        // every thread that logs (Hangfire workers included). Failures speak through assertions instead.
        builder.ConfigureLogging(logging => logging.ClearProviders());
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
