namespace GovPortal.Publishing.Replication;

/// <summary>One row of a site's output in PostgreSQL: a file as published, or (no hash) a file removed.</summary>
internal sealed record ReplicatedFile(
    string Path, string? Sha256, long Size, DateTime ModifiedUtc, string Owner, string? DownloadName)
{
    public bool Removed => Sha256 is null;

    /// <summary>The page a .gz or .br variant was made from; null for any other file.</summary>
    public string? VariantOf => Path.EndsWith(".gz", StringComparison.Ordinal)
                                || Path.EndsWith(".br", StringComparison.Ordinal)
        ? Path[..^3]
        : null;
}
