using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Content.Uploads;
using GovPortal.Publishing.Rendering;

namespace GovPortal.Search;

/// <summary>Makes the index's view of a published article, with the text of its related files.</summary>
public sealed class SearchDocuments(UploadStore uploads, AttachmentText attachments, ContentKinds kinds)
{
    public SearchDocument From(Article article, ChannelTree tree)
    {
        if (article.Url is null) throw new InvalidOperationException($"Article {article.Id} has no address yet.");
        // Results are shown as pages and JSON: characters XML forbids (an old or imported record) are left out.
        var files = article.RelatedFiles.OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => new SearchFile(XmlCharacters.WithoutForbidden(f.DisplayName),
                "/" + SiteRenderer.AttachmentPath(f), XmlCharacters.WithoutForbidden(
                    attachments.Extract(uploads.PathOf(f.StoredName), f.Extension, f.DisplayName))))
            .ToList();
        return new SearchDocument(article.Id, article.ChannelId,
            tree.AncestorsAndSelf(article.ChannelId).Select(c => c.Id).ToList(),
            XmlCharacters.WithoutForbidden(article.Title), XmlCharacters.WithoutForbidden(TextOf(article)),
            ExternalLinks.Target(article.Url, article.LinkUrl), article.PublishedAtUtc, files)
        {
            Kind = article.Kind,
            Disclosure = article.Kind == DocumentKind.Key
                ? new SearchDisclosure(article.Disclosure.IndexNumber ?? "", article.Disclosure.DocumentNumber ?? "",
                    (article.Disclosure.Validity ?? DocumentValidity.Effective).ToString())
                : null,
        };
    }

    /// <summary>
    /// Every searchable field of the article's kind but the title (kept on its own), as plain text.
    /// </summary>
    public string TextOf(Article article) => string.Join('\n', kinds.Of(article).Fields
        .Where(f => f.Searchable && f.Name != ContentKind.TitleName)
        .Select(f => f.Input == FieldInput.RichText ? HtmlText.Of(f.Get(article)) : f.Get(article))
        .Where(t => t.Length > 0));
}
