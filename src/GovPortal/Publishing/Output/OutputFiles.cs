namespace GovPortal.Publishing.Output;

/// <summary>
/// Looks at the output folder without ever following a symbolic link or another reparse point: nothing a link points
/// at (the database, the object store, a folder outside the output) is ever listed, read, moved or written as if it
/// were part of the output.
/// </summary>
public static class OutputFiles
{
    /// <summary>Whether <paramref name="path"/> itself is a symbolic link or another reparse point.</summary>
    public static bool IsLink(string path)
    {
        if (new FileInfo(path).LinkTarget is not null) return true;
        // Asked once, fresh: a FileInfo caches what it saw first, and a folder a parallel publish creates a moment
        // later would be taken for a link (the cached "does not exist" has every attribute bit set).
        try
        {
            return File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Every file and every link under <paramref name="root"/>, as a path relative to it with '/', folders read one
    /// at a time; a link is listed as itself and never entered.
    /// </summary>
    public static IEnumerable<(string Path, bool IsLink)> Walk(string root)
    {
        var folders = new Stack<string>();
        folders.Push(root);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone meanwhile, or unreadable: the manifest check still covers every published file
            }
            foreach (var entry in entries)
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                    yield return (relative, true);
                else if (entry is DirectoryInfo) folders.Push(entry.FullName);
                else yield return (relative, false);
            }
        }
    }
}
