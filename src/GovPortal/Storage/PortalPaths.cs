namespace GovPortal.Storage;

/// <summary>
/// Where the portal keeps its state. Everything lives under one data folder (default ./data). The published output
/// of each site has its own folder under <see cref="OutputDirectory"/>, laid out by
/// <c>Publishing.Output.OutputLayout</c>; this type names only what the portal keeps once for all sites.
/// </summary>
public sealed class PortalPaths
{
    public PortalPaths(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>The embedded SQLite database of the back office.</summary>
    public string DatabaseFile => Path.Combine(DataDirectory, "govportal.db");

    /// <summary>The published output: one folder per site, named by its code. Needs no database to be served.</summary>
    public string OutputDirectory => Path.Combine(DataDirectory, "output");

    /// <summary>Every published version of every file, by SHA-256: what the tamper guard restores from.</summary>
    public string ObjectStoreFile => Path.Combine(DataDirectory, "store", "objects.db");

    /// <summary>Files found in the output without having been published, moved out of the public's reach.</summary>
    public string QuarantineDirectory => Path.Combine(DataDirectory, "quarantine");

    /// <summary>The append-only record of tamper events.</summary>
    public string TamperEventsFile => Path.Combine(DataDirectory, "guard", "tamper-events.jsonl");

    /// <summary>
    /// The site's own sensitive-word and wording lists (they replace the built-in defaults when present).
    /// </summary>
    public string SafetyListsDirectory => Path.Combine(DataDirectory, "safety");

    /// <summary>A site's own additions to the platform's word lists (its code is checked Latin, not a path).</summary>
    public string SiteSafetyListsDirectory(string siteCode) =>
        Path.Combine(SafetyListsDirectory, "sites", siteCode);

    /// <summary>Uploaded originals, outside the output, under random names.</summary>
    public string UploadsDirectory => Path.Combine(DataDirectory, "uploads");

    /// <summary>
    /// Files citizens attached to their letters, each sealed with the people's-data key under a random name: never
    /// in clear, never under the output.
    /// </summary>
    public string LetterFilesDirectory => Path.Combine(DataDirectory, "letters");

    /// <summary>The portal's log files, one a day (govportal-yyyyMMdd.log), with what the console leaves out.</summary>
    public string LogsDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>
    /// The keys that encrypt people's data (依申请公开 applicants, letter writers): never in the database, so a copy of
    /// the database alone reveals no one. Back it up separately from the database.
    /// </summary>
    public string PersonalDataKeyFile => Path.Combine(DataDirectory, "keys", "personal-data.keys");

    /// <summary>
    /// The keys of sign-in cookies and form tokens, each sealed with the people's-data key (SQLite only: with
    /// PostgreSQL they are kept in the database, shared by every portal on it).
    /// </summary>
    public string DataProtectionKeysDirectory => Path.Combine(DataDirectory, "keys", "data-protection");

    public void EnsureCreated()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(OutputDirectory);
        Directory.CreateDirectory(UploadsDirectory);
    }
}
