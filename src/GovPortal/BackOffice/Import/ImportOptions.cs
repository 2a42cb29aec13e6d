namespace GovPortal.BackOffice.Import;

/// <summary>What to import: the site (by code) and the folder of the old site's saved pages.</summary>
public sealed record ImportOptions(string SiteCode, string Directory)
{
    /// <summary>--publish: publish the imported articles at once, with their old dates; else they are drafts.</summary>
    public bool Publish { get; init; }

    /// <summary>--channel: the channel (slug or path) of pages whose breadcrumb names none of the site's.</summary>
    public string? FallbackChannel { get; init; }

    /// <summary>Where the CSV report goes.</summary>
    public required string ReportFile { get; init; }

    /// <summary>Who ran it, for the audit log (the operating system's user of the command line).</summary>
    public string RunBy { get; init; } = "";
}

/// <summary>What a run did, page by page.</summary>
public sealed record ImportResult(IReadOnlyList<ImportRow> Rows, string ReportFile, TimeSpan Elapsed)
{
    public int Imported => Rows.Count(r => r.Outcome == ImportOutcome.Imported);
    public int Skipped => Rows.Count(r => r.Outcome == ImportOutcome.Skipped);
    public int Flagged => Rows.Count(r => r.Outcome == ImportOutcome.Flagged);
}

/// <summary>A run that cannot start (no such site or folder, an unknown --channel); the message is Chinese.</summary>
public sealed class ImportException(string message) : Exception(message);
