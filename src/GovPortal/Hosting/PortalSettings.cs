using GovPortal.Data;
using GovPortal.Storage;

namespace GovPortal.Hosting;

/// <summary>Everything a portal process needs to start: where its state is, which database, where to listen.</summary>
public sealed record PortalSettings(PortalPaths Paths, DatabaseOptions Database, string Urls)
{
    /// <summary>Reverse proxies whose X-Forwarded-For header is believed; nobody else's is.</summary>
    public IReadOnlyList<System.Net.IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>
    /// The code of the site this process publishes and serves: the only site while one is configured (the command
    /// line has no site to give).
    /// </summary>
    public string SiteCode { get; init; } = Publishing.Output.OutputLayout.FirstSiteCode;

    /// <summary>The back office: its address, who may reach it, and whether this node has one at all.</summary>
    public BackOffice.BackOfficeOptions BackOffice { get; init; } = new();

    public static PortalSettings From(CommandLine commandLine)
    {
        var paths = new PortalPaths(commandLine.DataDirectory);
        var database = commandLine.Database is { } connectionString
            ? IsPostgres(connectionString)
                ? DatabaseOptions.Postgres(connectionString)
                : new DatabaseOptions(DatabaseProvider.Sqlite, connectionString)
            : DatabaseOptions.Sqlite(paths.DatabaseFile);
        return new PortalSettings(paths, database, commandLine.Urls)
        {
            TrustedProxies = commandLine.TrustedProxies,
            BackOffice = new GovPortal.BackOffice.BackOfficeOptions
            {
                Enabled = !commandLine.PublicNode,
                Path = commandLine.BackOfficePath ?? GovPortal.BackOffice.BackOfficeOptions.DefaultPath,
                AllowedNetworks = commandLine.BackOfficeNetworks,
                FirstAdministratorName = commandLine.FirstAdministratorName ?? "admin",
                SessionIdleTimeout = commandLine.SessionIdleMinutes is { } idle
                    ? TimeSpan.FromMinutes(idle)
                    : GovPortal.BackOffice.BackOfficeOptions.DefaultSessionIdleTimeout,
                SessionLifetime = commandLine.SessionMaxHours is { } hours
                    ? TimeSpan.FromHours(hours)
                    : GovPortal.BackOffice.BackOfficeOptions.DefaultSessionLifetime,
            },
        };
    }

    // Npgsql names the server with Host= (or its aliases Server=, Servers=); SQLite connection strings never do.
    private static bool IsPostgres(string connectionString) =>
        connectionString.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => key.Equals("Host", StringComparison.OrdinalIgnoreCase)
                        || key.Equals("Server", StringComparison.OrdinalIgnoreCase)
                        || key.Equals("Servers", StringComparison.OrdinalIgnoreCase));
}
