using System.Reflection;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// Where the published host and the built plugins are: the driver runs the host of its own build configuration, as
/// its build published it (see the driver's project file).
/// </summary>
internal sealed class RepositoryLayout
{
    private RepositoryLayout(string root, string configuration)
    {
        Root = root;
        Configuration = configuration;
    }

    public string Root { get; }

    public string Configuration { get; }

    public string HostDirectory => Path.Combine(Root, "artifacts", "host", Configuration);

    public string HostAssembly => Path.Combine(HostDirectory, "WorkflowRules.Host.dll");

    public string PluginArtifacts => Path.Combine(Root, "artifacts", "plugins");

    public static RepositoryLayout Locate()
    {
        var configuration = typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WorkflowRules.sln")))
            {
                var layout = new RepositoryLayout(directory.FullName, configuration);
                return File.Exists(layout.HostAssembly)
                    ? layout
                    : throw new InvalidOperationException($"The host is not published at {layout.HostAssembly}: run the driver with 'dotnet run -c {configuration}' (its build publishes the host).");
            }
        }

        throw new InvalidOperationException($"No WorkflowRules.sln above {AppContext.BaseDirectory}: run the driver from its build output inside the repository.");
    }
}
