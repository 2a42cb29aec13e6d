namespace GovPortal.BackOffice.Audit;

/// <summary>
/// Where the chain starts after old entries were deleted (retention): the last deleted entry's place and hash, which
/// the first remaining entry names as its previous hash. The pruning itself is an entry of the chain as well.
/// </summary>
public sealed class AuditChainAnchor
{
    public long Id { get; set; }

    /// <summary>The sequence number of the last deleted entry.</summary>
    public long PrunedThroughSequence { get; set; }

    /// <summary>The hash of the last deleted entry.</summary>
    public required string LastPrunedHash { get; set; }

    public int PrunedCount { get; set; }

    /// <summary>Entries older than this (UTC) were deleted.</summary>
    public DateTime PrunedBeforeUtc { get; set; }

    public DateTime PrunedAtUtc { get; set; }

    /// <summary>The file the deleted entries were exported to, as the operator named it.</summary>
    public string ExportFile { get; set; } = "";

    /// <summary>SHA-256 of the export file, so a copy kept elsewhere can be recognised.</summary>
    public string ExportSha256 { get; set; } = "";
}
