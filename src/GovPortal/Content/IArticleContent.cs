namespace GovPortal.Content;

/// <summary>What an editor writes: the same fields on the live article and on each of its revisions.</summary>
public interface IArticleContent
{
    int ChannelId { get; set; }
    string Title { get; set; }
    string Subtitle { get; set; }
    string Source { get; set; }
    string Author { get; set; }
    string Summary { get; set; }
    string BodyHtml { get; set; }
}

public static class ArticleContent
{
    public static void CopyTo(this IArticleContent from, IArticleContent to)
    {
        to.ChannelId = from.ChannelId;
        to.Title = from.Title;
        to.Subtitle = from.Subtitle;
        to.Source = from.Source;
        to.Author = from.Author;
        to.Summary = from.Summary;
        to.BodyHtml = from.BodyHtml;
    }
}
