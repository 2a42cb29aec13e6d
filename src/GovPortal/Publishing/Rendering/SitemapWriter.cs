using System.Globalization;
using System.Text;
using System.Xml;
using GovPortal.Content;

namespace GovPortal.Publishing.Rendering;

/// <summary>sitemaps.org files: a sitemap per channel and an index that lists them.</summary>
public static class SitemapWriter
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] UrlSet(IEnumerable<(string AbsoluteUrl, DateTime? LastModifiedUtc)> urls) =>
        Write("urlset", "url", urls);

    public static byte[] Index(IEnumerable<string> sitemapUrls) =>
        Write("sitemapindex", "sitemap", sitemapUrls.Select(u => (u, (DateTime?)null)));

    private static byte[] Write(string root, string element,
        IEnumerable<(string Url, DateTime? LastModifiedUtc)> entries)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer,
            new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, Namespace);
            foreach (var (url, lastModified) in entries)
            {
                xml.WriteStartElement(element, Namespace);
                // Addresses are made by the portal; an imported one holding a character XML forbids loses it here.
                xml.WriteElementString("loc", Namespace, XmlCharacters.WithoutForbidden(url));
                if (lastModified is { } modified)
                    xml.WriteElementString("lastmod", Namespace, DateTime.SpecifyKind(modified, DateTimeKind.Utc)
                        .ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }
}
