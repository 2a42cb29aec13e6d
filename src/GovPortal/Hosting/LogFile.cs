using GovPortal.Storage;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace GovPortal.Hosting;

/// <summary>
/// The portal's log file in the data folder: what the console shows, and the details it leaves out (the full
/// exception behind a start-up failure). One file a day, kept 180 days as 网络安全法 Art. 21 asks of network logs.
/// </summary>
public static class LogFile
{
    public const int DaysKept = 180;

    /// <summary>Today's file name pattern; Serilog inserts the date before the extension.</summary>
    public static string PathPattern(PortalPaths paths) => Path.Combine(paths.LogsDirectory, "govportal-.log");

    /// <summary>
    /// Adds the file to <paramref name="logging"/>. The logging builder's filters decide what is written; a folder
    /// that cannot be written costs the file, never the start (the console still tells the operator).
    /// </summary>
    public static ILoggingBuilder AddLogFile(this ILoggingBuilder logging, PortalPaths paths)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(PathPattern(paths), restrictedToMinimumLevel: LogEventLevel.Verbose,
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: DaysKept,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: "
                                + "{Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        // A plain provider, so that the builder's filters decide what reaches the file. AddSerilog would also add a
        // rule of its own letting every category through at the most detailed level, which takes precedence over
        // them: the file then took lines of every request and connection (measured: half of the serving rate).
        return logging.AddProvider(new SerilogLoggerProvider(logger, dispose: true));
    }
}
