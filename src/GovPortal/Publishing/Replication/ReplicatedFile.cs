using GovPortal.Publishing.Output;

namespace GovPortal.Publishing.Replication;

/// <summary>One row of a site's output in PostgreSQL: a file as published, or (no hash) a file removed.</summary>
internal sealed record ReplicatedFile(
    string Path, string? Sha256, long Size, DateTime ModifiedUtc, string Owner, string? DownloadName)
{
    public bool Removed => Sha256 is null;

    /// <summary>The page a .gz or .br variant was made from; null for any other file.</summary>
    public string? VariantOf =>
        FileForms.Of(Path, out var pageLength) == FileForm.File ? null : Path[..pageLength];
}
