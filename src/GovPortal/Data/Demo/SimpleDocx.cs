using System.IO.Compression;
using System.Security;
using System.Text;

namespace GovPortal.Data.Demo;

/// <summary>Writes a minimal, valid Word document (paragraphs of plain text) for the demo site's attachments.</summary>
public static class SimpleDocx
{
    public static byte[] Create(string title, IEnumerable<string> paragraphs)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
                + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
                + """<Default Extension="rels" """
                + """ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
                + """<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" """
                + """ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"""
                + """</Types>""");
            Add(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
                + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + """<Relationship Id="rId1" """
                + """Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" """
                + """Target="word/document.xml"/></Relationships>""");
            var body = new StringBuilder();
            body.Append("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>")
                .Append(SecurityElement.Escape(title)).Append("</w:t></w:r></w:p>");
            foreach (var paragraph in paragraphs)
                body.Append("<w:p><w:r><w:t>").Append(SecurityElement.Escape(paragraph)).Append("</w:t></w:r></w:p>");
            Add(zip, "word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "</w:body></w:document>");
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
