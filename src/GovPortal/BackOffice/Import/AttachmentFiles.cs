using GovPortal.BackOffice.Files;
using GovPortal.Content;
using GovPortal.Content.Uploads;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// The files an old page links to (pdf, doc, xls, zip …) that the mirror holds: each passes the back office's upload
/// checks (<see cref="UploadRules"/>: allowed type, contents that match the extension, size) and is stored in the
/// upload store as a related file. Links out of the mirror, and files it does not hold, are left out.
/// </summary>
public sealed class AttachmentFiles(UploadStore uploads)
{
    private static readonly HashSet<string> Documents = new(StringComparer.OrdinalIgnoreCase)
    {
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "ofd", "zip", "rar", "7z", "txt", "et",
    };

    /// <summary>Whether a link names a file of a document type (not a page, not a picture).</summary>
    public static bool HasFileExtension(string href)
    {
        var path = PathPart(href);
        var dot = path.LastIndexOf('.');
        return dot > 0 && dot > path.LastIndexOf('/') && Documents.Contains(path[(dot + 1)..]);
    }

    /// <returns>The files stored, and a note for each link that could not be (in Chinese, for the report).</returns>
    public (List<RelatedFile> Files, List<string> Notes) Store(string root, string pageFile,
        IEnumerable<OldLink> links)
    {
        var files = new List<RelatedFile>();
        var notes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (Resolve(root, pageFile, link.Href) is not { } full)
            {
                if (!link.Href.Contains("://", StringComparison.Ordinal))
                    notes.Add($"附件“{link.Text}”（{link.Href}）不在镜像中");
                continue;
            }
            if (!seen.Add(full)) continue;
            var bytes = File.ReadAllBytes(full);
            var (name, extension, error) = UploadRules.Check(DisplayName(link, full), bytes);
            if (error is not null)
            {
                notes.Add(error);
                continue;
            }
            files.Add(new RelatedFile
            {
                DisplayName = name!, StoredName = uploads.Save(bytes), Extension = extension!,
                SizeBytes = bytes.Length, ContentType = UploadRules.ContentTypes[extension!], SortOrder = files.Count,
            });
        }
        return (files, notes);
    }

    /// <summary>The file a link of <paramref name="pageFile"/> names, if it is inside the mirror and exists.</summary>
    private static string? Resolve(string root, string pageFile, string href)
    {
        var path = PathPart(href);
        if (path.Length == 0 || path.Contains("://", StringComparison.Ordinal) || path.StartsWith("//")) return null;
        // The link as written, and percent-decoded (wget keeps Chinese file names decoded on disk).
        foreach (var candidate in new[] { path, Unescape(path) }.Distinct())
        {
            var full = Path.GetFullPath(candidate.StartsWith('/')
                ? Path.Combine(root, candidate.TrimStart('/'))
                : Path.Combine(Path.GetDirectoryName(pageFile)!, candidate));
            if (full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
                return full;
        }
        return null;
    }

    /// <summary>The link's text when it names the file (相城区2023年工作要点.pdf), else the file's own name.</summary>
    private static string DisplayName(OldLink link, string full)
    {
        var extension = Path.GetExtension(full);
        var text = link.Text.Trim();
        if (text.Length is 0 or > 90) return Path.GetFileName(full);
        return text.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? text : text + extension;
    }

    private static string PathPart(string href)
    {
        var end = href.IndexOfAny(['?', '#']);
        return end < 0 ? href : href[..end];
    }

    private static string Unescape(string path)
    {
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }
}
