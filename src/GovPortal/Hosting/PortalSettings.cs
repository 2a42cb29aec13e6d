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

    /// <summary>
    /// What a data folder without a site gets: the demo site (from the command line only with --demo; settings made
    /// in code, as by the tests and benchmarks, keep it), the empty site of <see cref="NewSite"/> (init), or, with
    /// neither, a refusal that says how to make one.
    /// </summary>
    public bool CreateDemo { get; init; } = true;

    public NewSite? NewSite { get; init; }

    /// <summary>
    /// Whether the demo is the whole demo platform (the towns and the department beside the district site, see
    /// <see cref="Data.Demo.DemoPlatformSeeder"/>): with --demo on the command line; settings made in code keep one
    /// site unless they ask.
    /// </summary>
    public bool DemoPlatform { get; init; }

    /// <summary>The back office: its address, who may reach it, and whether this node has one at all.</summary>
    public BackOffice.BackOfficeOptions BackOffice { get; init; } = new();

    /// <summary>The hash algorithm of the audit chain's new entries: SM3, or SHA-256 where configured.</summary>
    public string AuditHash { get; init; } = GovPortal.BackOffice.Audit.AuditChainHash.Sm3;
    /// <summary>
    /// --personal-data-cipher: the cipher new people's data is sealed with; null leaves it to the environment
    /// (GOVPORTAL_PERSONAL_DATA_CIPHER) and then AES-256-GCM.
    /// </summary>
    public Citizens.Protection.PersonalDataAlgorithm? PersonalDataCipher { get; init; }

    /// <summary>
    /// --dynamic-limit and --dynamic-queue: how much dynamic work (search, hits, citizens' forms) is handled at once
    /// before more is shed with 503; by default derived from the machine's cores.
    /// </summary>
    public PublicSite.Shedding.DynamicRequestLimits DynamicLimits { get; init; } =
        PublicSite.Shedding.DynamicRequestLimits.From(null, null);

    /// <summary>
    /// A public node given a PostgreSQL database (a read-only replica in the DMZ): it follows the origin's published
    /// generations from it and writes to no database. A public node on SQLite serves from its own data folder.
    /// </summary>
    public bool FollowsReplica => !BackOffice.Enabled && Database.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// --redis: the Redis several processes share (StackExchange.Redis configuration, e.g. "10.0.2.20:6379"); null
    /// on a single machine, where every count and limit stays in the process.
    /// </summary>
    public string? Redis { get; init; }

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
            CreateDemo = commandLine.Demo,
            DemoPlatform = commandLine.Demo,
            NewSite = commandLine.NewSite,
            Redis = commandLine.Redis,
            AuditHash = commandLine.AuditHash ?? GovPortal.BackOffice.Audit.AuditChainHash.Sm3,
            PersonalDataCipher = commandLine.PersonalDataCipher,
            DynamicLimits = PublicSite.Shedding.DynamicRequestLimits.From(commandLine.DynamicLimit,
                commandLine.DynamicQueue),
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
