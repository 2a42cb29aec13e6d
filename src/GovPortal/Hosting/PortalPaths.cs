namespace GovPortal.Hosting;

/// <summary>Where the portal keeps its state. Everything lives under one data folder (default ./data).</summary>
public sealed class PortalPaths
{
    public PortalPaths(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>The embedded SQLite database of the back office.</summary>
    public string DatabaseFile => Path.Combine(DataDirectory, "govportal.db");

    /// <summary>The published output: what public nodes serve, plus its manifest. Needs no database to be served.</summary>
    public string OutputDirectory => Path.Combine(DataDirectory, "output");

    /// <summary>The files served to the public (pages, feeds, assets, published attachments).</summary>
    public string PublicDirectory => Path.Combine(OutputDirectory, "public");

    /// <summary>SHA-256 and size of every file under <see cref="PublicDirectory"/>.</summary>
    public string ManifestFile => Path.Combine(OutputDirectory, "manifest.db");

    /// <summary>The search index of the published articles: part of the output, so public nodes search without a database.</summary>
    public string SearchIndexDirectory => Path.Combine(OutputDirectory, "search");

    /// <summary>The days of mourning (全站置灰), one YYYY-MM-DD per line: in the output, so every public node has them.</summary>
    public string MourningDatesFile => Path.Combine(OutputDirectory, "mourning-dates.txt");

    /// <summary>Every published version of every file, by SHA-256: what the tamper guard restores from.</summary>
    public string ObjectStoreFile => Path.Combine(DataDirectory, "store", "objects.db");

    /// <summary>Files found in the output without having been published, moved out of the public's reach.</summary>
    public string QuarantineDirectory => Path.Combine(DataDirectory, "quarantine");

    /// <summary>The append-only record of tamper events.</summary>
    public string TamperEventsFile => Path.Combine(DataDirectory, "guard", "tamper-events.jsonl");

    /// <summary>The site's own sensitive-word and wording lists (they replace the built-in defaults when present).</summary>
    public string SafetyListsDirectory => Path.Combine(DataDirectory, "safety");

    /// <summary>Uploaded originals, outside the output, under random names.</summary>
    public string UploadsDirectory => Path.Combine(DataDirectory, "uploads");

    public void EnsureCreated()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(PublicDirectory);
        Directory.CreateDirectory(UploadsDirectory);
    }
}
