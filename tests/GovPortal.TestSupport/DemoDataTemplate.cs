using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Support;

/// <summary>
/// The data folder of a default portal (SQLite, the demo site) as its first start leaves it: seeded, migrated and
/// published. Made once per test process and copied for every later default start, which then finds its output
/// current and publishes nothing: seeding and the first publish are the same every time and cost seconds of the
/// machine's two cores. A start whose services could change what the first start makes (another clock, other
/// publish options, a first administrator's output) or that names its own database, folder or settings starts
/// from nothing as before.
/// </summary>
internal static class DemoDataTemplate
{
    // Services a test may set that change nothing of what the first start writes.
    private static readonly HashSet<Type> Harmless =
    [
        typeof(GovPortal.Citizens.Forms.PublicFormLimits), typeof(GovPortal.PublicSite.SearchLimits),
        typeof(GovPortal.PublicSite.HitLimits), typeof(GovPortal.Safety.Tamper.TamperGuardOptions),
    ];

    private static readonly SemaphoreSlim Making = new(1, 1);
    private static TempDirectory? _template;

    /// <summary>Whether a start with these services may begin from the template.</summary>
    public static bool Fits(Action<IServiceCollection>? configureServices)
    {
        if (configureServices is null) return true;
        var scratch = new ServiceCollection();
        configureServices(scratch);
        return scratch.All(descriptor => Harmless.Contains(descriptor.ServiceType));
    }

    /// <summary>Copies the template (made now if it was not) into <paramref name="target"/>.</summary>
    public static async Task CopyToAsync(string target, Func<string, Task> makeInto)
    {
        await Making.WaitAsync();
        try
        {
            if (_template is null)
            {
                var made = new TempDirectory();
                await makeInto(made.Path);
                // Every pooled connection closed: the database file is whole and no journal is left beside it.
                SqliteConnection.ClearAllPools();
                _template = made;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => made.Dispose();
            }
        }
        finally
        {
            Making.Release();
        }
        Copy(_template.Path, target);
    }

    /// <summary>Copies everything but the log, which is each portal's own.</summary>
    private static void Copy(string from, string to)
    {
        var logs = new GovPortal.Storage.PortalPaths(from).LogsDirectory;
        bool IsLog(string path) => path.StartsWith(logs + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || path == logs;
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)
                     .Where(d => !IsLog(d)))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !IsLog(f)))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, copy);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(copy, File.GetUnixFileMode(file));
        }
    }
}
