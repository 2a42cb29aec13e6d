namespace GovPortal.Publishing.Output;

/// <summary>A file a publish writes: its path in the output, its content, and the name it downloads as.</summary>
internal readonly record struct OutputFile(string Path, byte[] Content, string? DownloadName = null);
