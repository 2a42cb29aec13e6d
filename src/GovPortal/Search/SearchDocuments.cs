using GovPortal.Content;
using GovPortal.Content.Uploads;
using GovPortal.Publishing.Rendering;

namespace GovPortal.Search;

/// <summary>Makes the index's view of a published article, with the text of its related files.</summary>
public sealed class SearchDocuments(UploadStore uploads, AttachmentText attachments)
{
    public SearchDocument From(Article article, ChannelTree tree)
    {
        if (article.Url is null) throw new InvalidOperationException($"Article {article.Id} has no address yet.");
        var text = string.Join('\n', new[] { article.Subtitle, article.Summary, HtmlText.Of(article.BodyHtml) }.Where(t => t.Length > 0));
        var files = article.RelatedFiles.OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => new SearchFile(f.DisplayName, "/" + SiteRenderer.AttachmentPath(f), attachments.Extract(uploads.PathOf(f.StoredName), f.Extension, f.DisplayName)))
            .ToList();
        return new SearchDocument(article.Id, article.ChannelId, tree.AncestorsAndSelf(article.ChannelId).Select(c => c.Id).ToList(),
            article.Title, text, article.Url, article.PublishedAtUtc, files);
    }
}
