using System.Globalization;
using Lucene.Net.Documents;

namespace GovPortal.Search;

/// <summary>The index's fields, and how a <see cref="SearchDocument"/> is stored in them.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Channel = "channel";
    public const string Scope = "scope";
    public const string Title = "title";
    public const string Text = "text";
    public const string File = "file";
    public const string FileName = "file_name";
    public const string FileUrl = "file_url";
    public const string Url = "url";
    public const string Date = "date";
    public const string DateOrder = "date_order";

    /// <summary>The commit data key under which <see cref="SearchSiteInfo"/> is kept, as JSON.</summary>
    public const string SiteInfoKey = "site";

    public static string IdTerm(int articleId) => articleId.ToString(CultureInfo.InvariantCulture);

    public static Document ToDocument(SearchDocument source)
    {
        var document = new Document
        {
            new StringField(Id, IdTerm(source.ArticleId), Field.Store.YES),
            new StoredField(Channel, source.ChannelId),
            new TextField(Title, source.Title, Field.Store.YES),
            new TextField(Text, source.Text, Field.Store.YES),
            new StoredField(Url, source.Url),
            new Int64Field(Date, source.PublishedAtUtc.Ticks, Field.Store.YES),
            new NumericDocValuesField(DateOrder, source.PublishedAtUtc.Ticks),
        };
        foreach (var channelId in source.Scope)
            document.Add(new StringField(Scope, channelId.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        foreach (var file in source.Files)
        {
            // The name is searchable too: readers look for 附件 by what it is called.
            document.Add(new TextField(File, file.Name + "\n" + file.Text, Field.Store.YES));
            document.Add(new StoredField(FileName, file.Name));
            document.Add(new StoredField(FileUrl, file.Url));
        }
        return document;
    }
}
