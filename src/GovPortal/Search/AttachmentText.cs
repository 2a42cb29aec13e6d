using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml;
using UglyToad.PdfPig;

namespace GovPortal.Search;

/// <summary>
/// The text of a related file, so that its content is searchable: PDF (PdfPig, page by page) and Word .docx (its main
/// part read as a stream of XML, never as a whole document). Other formats, and files that cannot be read, contribute
/// their name only. Reading stops at <see cref="MaxCharacters"/> or at the time limit, whichever comes first, and
/// keeps what it has: a file built to unpack to gigabytes is indexed partially and never stops a publish.
/// </summary>
public sealed class AttachmentText(ILogger<AttachmentText> logger, TimeSpan timeLimit)
{
    /// <summary>More than a long report; keeps one odd file from filling the index.</summary>
    public const int MaxCharacters = 200_000;

    /// <summary>How long one file may take; a real document is read in well under a second.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    private const string WordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string MainDocumentType =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    public AttachmentText(ILogger<AttachmentText> logger) : this(logger, TimeLimit)
    {
    }

    public static bool CanRead(string extension) => extension is "pdf" or "docx";

    public string Extract(string path, string extension, string displayName)
    {
        if (!CanRead(extension)) return "";
        var text = new CappedText(timeLimit);
        try
        {
            if (extension == "pdf") FromPdf(path, text);
            else FromDocx(path, text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged or encrypted file is still published and downloadable; only its text (or the rest of it) is
            // not searchable.
            logger.LogWarning(e,
                "Could not read the text of related file {Name} ({Path}); {Count} characters of it are searchable",
                displayName, path, text.Length);
        }
        if (text.StoppedByTime)
            logger.LogWarning("Reading the text of related file {Name} ({Path}) took longer than {Limit}; "
                + "{Count} characters of it are searchable", displayName, path, timeLimit, text.Length);
        return text.ToString();
    }

    private static void FromPdf(string path, CappedText text)
    {
        using var document = PdfDocument.Open(path);
        foreach (var page in document.GetPages())
        {
            text.AppendLine(page.Text);
            if (text.Full) return;
        }
    }

    private static void FromDocx(string path, CappedText text)
    {
        using var zip = ZipFile.OpenRead(path);
        if (MainPart(zip) is not { } main) return;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        // ZipArchive stops an entry at its declared size, so the stream is no longer than the upload check allowed.
        using var stream = main.Open();
        using var reader = XmlReader.Create(stream, settings);
        var inText = false;
        var chunk = new char[4096];
        while (!text.Full && reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.NamespaceURI == WordMain:
                    if (reader.LocalName == "t" && !reader.IsEmptyElement) inText = true;
                    else if (reader.LocalName is "tab") text.Append(" ");
                    else if (reader.LocalName is "br" or "cr") text.AppendLine("");
                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == WordMain:
                    if (reader.LocalName == "t") inText = false;
                    else if (reader.LocalName == "p") text.AppendLine("");
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace
                    or XmlNodeType.CDATA when inText:
                    // In pieces: one text of many megabytes never becomes one string.
                    int read;
                    while (!text.Full && (read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        text.Append(chunk.AsSpan(0, read));
                    break;
            }
        }
    }

    /// <summary>The main document part named by the package's relationships (word/document.xml as a rule).</summary>
    private static ZipArchiveEntry? MainPart(ZipArchive zip)
    {
        var target = "word/document.xml";
        if (zip.GetEntry("_rels/.rels") is { Length: < 1024 * 1024 } rels)
        {
            using var reader = XmlReader.Create(rels.Open(),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Type") == MainDocumentType && reader.GetAttribute("Target") is { } t)
                    target = t.TrimStart('/');
        }
        return zip.GetEntry(target);
    }

    /// <summary>Text that stops growing at the character cap or when the time is up.</summary>
    private sealed class CappedText(TimeSpan timeLimit)
    {
        private readonly StringBuilder _text = new();
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public int Length => _text.Length;
        public bool StoppedByTime { get; private set; }

        public bool Full
        {
            get
            {
                if (_text.Length >= MaxCharacters) return true;
                if (_watch.Elapsed >= timeLimit) StoppedByTime = true;
                return StoppedByTime;
            }
        }

        public void Append(ReadOnlySpan<char> value)
        {
            if (Full) return;
            _text.Append(value[..Math.Min(value.Length, MaxCharacters - _text.Length)]);
        }

        public void AppendLine(string value)
        {
            Append(value);
            Append(Environment.NewLine);
        }

        public override string ToString() => _text.ToString();
    }
}
