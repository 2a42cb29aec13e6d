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

    /// <summary>
    /// What a search matches: the title, the text and every related file of an article in one field, each a value
    /// of its own so that no phrase runs from one into the next. One field rather than a choice among three: at a
    /// million articles, matching each word in the title, the text or a file took more than half of a search's time
    /// (docs/benchmarks.md, "Search across sites"). The title is kept apart as well, for ranking
    /// (<see cref="TitleKey"/>).
    /// </summary>
    public const string Words = "words";

    /// <summary>
    /// The title as its <see cref="Search.TitleKey"/>, in doc values: what <see cref="TitleTable"/> reads to rank an
    /// article whose title holds a part of the query first.
    /// </summary>
    public const string TitleKey = "title_key";

    public const string FileName = "file_name";
    public const string FileUrl = "file_url";
    public const string Url = "url";
    public const string Date = "date";
    public const string DateOrder = "date_order";

    /// <summary>The content kind, for the filter to 信息公开 documents.</summary>
    public const string Kind = "kind";

    /// <summary>A document's 有效性 (enum name), for the filter by validity.</summary>
    public const string Validity = "validity";

    /// <summary>
    /// A document's 发文字号 and 索引号 as exact keys (<see cref="NumberKeys"/>), so that a query for one finds it.
    /// </summary>
    public const string NumberKey = "number_key";

    public const string IndexNumber = "index_number";
    public const string DocumentNumber = "document_number";

    /// <summary>
    /// The commit data key of the index's format: an index of another format (written before a field was added)
    /// is rebuilt from the database at start.
    /// </summary>
    public const string FormatKey = "format";

    /// <summary>The format this code writes; raised whenever what a document holds changes.</summary>
    public const string Format = "4";

    /// <summary>The commit data key under which <see cref="SearchSiteInfo"/> is kept, as JSON.</summary>
    public const string SiteInfoKey = "site";

    public static string IdTerm(int articleId) => articleId.ToString(CultureInfo.InvariantCulture);

    public static Document ToDocument(SearchDocument source)
    {
        var document = new Document
        {
            new StringField(Id, IdTerm(source.ArticleId), Field.Store.YES),
            new StoredField(Channel, source.ChannelId),
            new StoredField(Title, source.Title),
            new BinaryDocValuesField(TitleKey, new Lucene.Net.Util.BytesRef(Search.TitleKey.Of(source.Title))),
            new TextField(Words, source.Title, Field.Store.NO),
            new StoredField(Text, source.Text),
            new TextField(Words, source.Text, Field.Store.NO),
            new StoredField(Url, source.Url),
            new Int64Field(Date, source.PublishedAtUtc.Ticks, Field.Store.YES),
            new NumericDocValuesField(DateOrder, source.PublishedAtUtc.Ticks),
        };
        if (source.Kind.Length > 0) document.Add(new StringField(Kind, source.Kind, Field.Store.NO));
        if (source.Disclosure is { } disclosure)
        {
            document.Add(new StringField(Validity, disclosure.Validity, Field.Store.YES));
            document.Add(new StoredField(IndexNumber, disclosure.IndexNumber));
            document.Add(new StoredField(DocumentNumber, disclosure.DocumentNumber));
            foreach (var key in new[] { disclosure.IndexNumber, disclosure.DocumentNumber }
                .Select(NumberKeys.Of).Where(k => k.Length > 0).Distinct())
                document.Add(new StringField(NumberKey, key, Field.Store.NO));
        }
        foreach (var channelId in source.Scope)
            document.Add(new StringField(Scope, channelId.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        foreach (var file in source.Files)
        {
            // The name is searchable too: readers look for 附件 by what it is called.
            var nameAndText = file.Name + "\n" + file.Text;
            document.Add(new StoredField(File, nameAndText));
            document.Add(new TextField(Words, nameAndText, Field.Store.NO));
            document.Add(new StoredField(FileName, file.Name));
            document.Add(new StoredField(FileUrl, file.Url));
        }
        return document;
    }
}
