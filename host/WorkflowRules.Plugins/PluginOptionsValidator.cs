using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WorkflowRules.Plugins;

/// <summary>Checks <see cref="PluginOptions"/> when the host starts.</summary>
internal sealed class PluginOptionsValidator(IHostEnvironment environment) : IValidateOptions<PluginOptions>
{
    public ValidateOptionsResult Validate(string? name, PluginOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add("Plugins:Directory must name the folder that holds the plugin folders.");
        }
        else if (!string.IsNullOrWhiteSpace(options.ShadowCopyDirectory))
        {
            var plugins = Path.GetFullPath(options.Directory, environment.ContentRootPath);
            var shadow = Path.GetFullPath(options.ShadowCopyDirectory, environment.ContentRootPath);
            if (IsSameOrInside(shadow, plugins))
            {
                failures.Add($"Plugins:ShadowCopyDirectory ({shadow}) must be outside Plugins:Directory ({plugins}), or every copy would look like a new plugin.");
            }
        }

        if (options.Debounce < TimeSpan.Zero || options.Debounce > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Plugins:Debounce must be between 00:00:00 and 00:01:00 (it is {options.Debounce}).");
        }

        if (options.RescanInterval < TimeSpan.Zero || (options.RescanInterval > TimeSpan.Zero && options.RescanInterval < TimeSpan.FromMilliseconds(100)))
        {
            failures.Add($"Plugins:RescanInterval must be 00:00:00 (off) or at least 100 ms (it is {options.RescanInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
