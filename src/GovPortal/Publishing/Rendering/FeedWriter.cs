using System.Globalization;
using System.Text;
using System.Xml;
using GovPortal.Content;

namespace GovPortal.Publishing.Rendering;

/// <summary>One entry of a feed (<see cref="ArticleListing.FeedFace"/>).</summary>
public sealed record FeedItem(string Title, string Url, DateTime PublishedAtUtc, string Summary);

/// <summary>
/// RSS 2.0 feed of a channel's newest articles (its own and its sub-channels'). Characters XML forbids, which an old
/// or imported record may hold, are dropped from every value: the writer would throw on them.
/// </summary>
public static class FeedWriter
{
    public static byte[] Write(Site site, string channelName, string channelUrl, IEnumerable<FeedItem> items)
    {
        static string Clean(string text) => XmlCharacters.WithoutForbidden(text);

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer,
            new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", Clean($"{channelName} - {site.Name}"));
            xml.WriteElementString("link", Clean(site.BaseUrl + channelUrl));
            xml.WriteElementString("description", Clean($"{site.Name}{channelName}栏目"));
            xml.WriteElementString("language", "zh-cn");
            foreach (var item in items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", Clean(item.Title));
                var link = Clean(ExternalLinks.Absolute(site.BaseUrl, item.Url));
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", DateTime.SpecifyKind(item.PublishedAtUtc, DateTimeKind.Utc)
                    .ToString("R", CultureInfo.InvariantCulture));
                if (Clean(item.Summary) is { Length: > 0 } summary) xml.WriteElementString("description", summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }
}
