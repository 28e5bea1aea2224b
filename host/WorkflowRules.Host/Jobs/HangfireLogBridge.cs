using Hangfire.Logging;
using MicrosoftLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace WorkflowRules.Host.Jobs;

/// <summary>
/// Sends Hangfire's logs to Microsoft.Extensions.Logging. Hangfire keeps its log provider in a process-wide
/// static, and its classes create loggers lazily; the stock provider then throws <see cref="ObjectDisposedException"/>
/// from inside a worker once the host that configured it has been disposed (another host in the same process, as in
/// the integration tests), leaving the fetched job stuck. This bridge degrades to silence instead.
/// </summary>
public sealed class HangfireLogBridge(ILoggerFactory loggerFactory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new BridgedLog(loggerFactory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new BridgedLog(null);
        }
    }

    private sealed class BridgedLog(ILogger? logger) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logger is null)
            {
                return false;
            }

            var level = Map(logLevel);
            try
            {
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                if (logger.IsEnabled(level))
                {
                    // Hangfire hands over finished text, not a message template.
#pragma warning disable CA2254
                    logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static MicrosoftLogLevel Map(Hangfire.Logging.LogLevel level) => level switch
        {
            Hangfire.Logging.LogLevel.Trace => MicrosoftLogLevel.Trace,
            Hangfire.Logging.LogLevel.Debug => MicrosoftLogLevel.Debug,
            Hangfire.Logging.LogLevel.Info => MicrosoftLogLevel.Information,
            Hangfire.Logging.LogLevel.Warn => MicrosoftLogLevel.Warning,
            Hangfire.Logging.LogLevel.Error => MicrosoftLogLevel.Error,
            _ => MicrosoftLogLevel.Critical,
        };
    }
}
