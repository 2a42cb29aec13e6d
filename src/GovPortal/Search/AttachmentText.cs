using System.Text;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace GovPortal.Search;

/// <summary>
/// The text of a related file, so that its content is searchable: PDF (PdfPig) and Word .docx (Open XML).
/// Other formats, and files that cannot be read, contribute their name only.
/// </summary>
public sealed class AttachmentText(ILogger<AttachmentText> logger)
{
    /// <summary>More than a long report; keeps one odd file from filling the index.</summary>
    public const int MaxCharacters = 200_000;

    public static bool CanRead(string extension) => extension is "pdf" or "docx";

    public string Extract(string path, string extension, string displayName)
    {
        if (!CanRead(extension)) return "";
        try
        {
            var text = extension == "pdf" ? FromPdf(path) : FromDocx(path);
            return text.Length > MaxCharacters ? text[..MaxCharacters] : text;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged or encrypted file is still published and downloadable; only its text is not searchable.
            logger.LogWarning(e,
                "Could not read the text of related file {Name} ({Path}); it is searchable by name only",
                displayName, path);
            return "";
        }
    }

    private static string FromPdf(string path)
    {
        using var document = PdfDocument.Open(path);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.AppendLine(page.Text);
            if (text.Length > MaxCharacters) break;
        }
        return text.ToString();
    }

    private static string FromDocx(string path)
    {
        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null) return "";
        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            text.AppendLine(paragraph.InnerText);
            if (text.Length > MaxCharacters) break;
        }
        return text.ToString();
    }
}
