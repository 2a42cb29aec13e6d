using GovPortal.Data;

namespace GovPortal.Hosting;

/// <summary>Everything a portal process needs to start: where its state is, which database, where to listen.</summary>
public sealed record PortalSettings(PortalPaths Paths, DatabaseOptions Database, string Urls)
{
    public static PortalSettings From(CommandLine commandLine)
    {
        var paths = new PortalPaths(commandLine.DataDirectory);
        var database = commandLine.Database is { } connectionString
            ? connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
                ? DatabaseOptions.Postgres(connectionString)
                : new DatabaseOptions(DatabaseProvider.Sqlite, connectionString)
            : DatabaseOptions.Sqlite(paths.DatabaseFile);
        return new PortalSettings(paths, database, commandLine.Urls);
    }
}
