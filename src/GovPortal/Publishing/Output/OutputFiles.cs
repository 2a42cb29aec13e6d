using System.IO.Enumeration;

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
        // One fresh look (lstat): a FileInfo caches what it saw first, so it is never reused. Nothing there reads as
        // every attribute bit set (-1), which is no link; asking File.GetAttributes instead would throw for every
        // path a publish creates, and an exception costs more than the write itself.
        var attributes = new FileInfo(path).Attributes;
        return (int)attributes != -1 && attributes.HasFlag(FileAttributes.ReparsePoint);
    }

    /// <summary>
    /// Every file and every link under <paramref name="root"/>, as a path relative to it with '/', folders read one
    /// at a time; a link is listed as itself and never entered. The entry's type comes with the directory listing
    /// itself (d_type), so a sweep over the whole output asks the file system nothing per file.
    /// </summary>
    public static IEnumerable<(string Path, bool IsLink)> Walk(string root)
    {
        var folders = new Stack<string>();
        folders.Push(root);
        var entries = new List<(string Full, bool IsLink, bool IsFolder)>();
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            entries.Clear();
            try
            {
                entries.AddRange(new FileSystemEnumerable<(string, bool, bool)>(folder,
                    (ref FileSystemEntry entry) => (entry.ToFullPath(),
                        entry.Attributes.HasFlag(FileAttributes.ReparsePoint), entry.IsDirectory),
                    new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone meanwhile, or unreadable: the manifest check still covers every published file
            }
            foreach (var (full, isLink, isFolder) in entries)
            {
                var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
                if (isLink) yield return (relative, true);
                else if (isFolder) folders.Push(full);
                else yield return (relative, false);
            }
        }
    }
}
