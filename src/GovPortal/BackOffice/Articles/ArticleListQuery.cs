using System.Globalization;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Data;

namespace GovPortal.BackOffice.Articles;

/// <summary>How the back office's article list is sorted.</summary>
public enum ArticleSort { Updated, Title, Channel, State, Author, Published, Hits }

/// <summary>
/// The article list's filters and order, as the address carries them. Anything unreadable (an empty 全部栏目, a
/// date typed wrongly, an unknown column) means "no filter" or the default order, never a refused request; what
/// could not be read is said on the page.
/// </summary>
public sealed record ArticleListQuery(
    int? ChannelId, RevisionState? State, string Query, bool FullText, string Author, DateOnly? From, DateOnly? To,
    ArticleSort Sort, bool Ascending, int Page)
{
    public const int MaxQueryLength = 100;

    /// <summary>A date the person typed that is no date (said beside the filters).</summary>
    public string? DateProblem { get; init; }

    public static ArticleListQuery Parse(IQueryCollection query)
    {
        string Text(string name) => query[name].ToString().Trim();
        string Limited(string name) => Text(name) is { Length: > MaxQueryLength } t ? t[..MaxQueryLength] : Text(name);
        string? problem = null;
        DateOnly? Day(string name, string label)
        {
            var text = Text(name);
            if (text.Length == 0) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var day)) return day;
            problem ??= $"{label}“{text}”不是日期，已忽略；请按“年-月-日”填写，例如 2026-11-30。";
            return null;
        }
        RevisionState? state = Enum.TryParse<RevisionState>(Text("state"), out var parsed) && Enum.IsDefined(parsed)
            && parsed != RevisionState.Superseded ? parsed : null;
        var sort = Enum.TryParse<ArticleSort>(Text("sort"), ignoreCase: true, out var s) && Enum.IsDefined(s)
            ? s : ArticleSort.Updated;
        var from = Day("from", "发布日期起");
        var to = Day("to", "发布日期止");
        return new ArticleListQuery(Number(Text("channel")), state, Limited("q"), Text("fulltext") == "1",
            Limited("author"), from, to, sort, Text("dir") == "asc", Number(Text("page")) ?? 1)
        {
            DateProblem = problem,
        };
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The filters on the articles of <paramref name="allowed"/> channels.</summary>
    public IQueryable<Article> Filter(GovPortalDbContext db, IReadOnlyCollection<int> allowed)
    {
        var articles = db.Articles.AsQueryable().Where(a => allowed.Contains(a.ChannelId));
        if (Query.Length > 0)
        {
            // 全文: the body and summary too, of the live article and of every revision in the workflow, so that a
            // draft is found by what it says before it is published.
            if (FullText)
            {
                var inWork = db.Revisions.Where(r => WorkingStates.Contains(r.State) && (r.Title.Contains(Query)
                    || r.Summary.Contains(Query) || r.BodyHtml.Contains(Query))).Select(r => r.ArticleId);
                articles = articles.Where(a => a.Title.Contains(Query) || a.Summary.Contains(Query)
                    || a.BodyHtml.Contains(Query) || inWork.Contains(a.Id));
            }
            else
            {
                var inWork = db.Revisions.Where(r => WorkingStates.Contains(r.State) && r.Title.Contains(Query))
                    .Select(r => r.ArticleId);
                articles = articles.Where(a => a.Title.Contains(Query) || inWork.Contains(a.Id));
            }
        }
        if (Author.Length > 0)
        {
            // A draft's 作者 is on its revision until it is published.
            var byAuthor = db.Revisions.Where(r => WorkingStates.Contains(r.State) && r.Author.Contains(Author))
                .Select(r => r.ArticleId);
            articles = articles.Where(a => a.Author.Contains(Author) || byAuthor.Contains(a.Id));
        }
        if (From is { } from)
        {
            var start = ChinaTime.ToUtc(from.Year, from.Month, from.Day, 0, 0);
            articles = articles.Where(a => a.Status != ArticleStatus.Draft && a.PublishedAtUtc >= start);
        }
        if (To is { } to)
        {
            var end = ChinaTime.ToUtc(to.Year, to.Month, to.Day, 0, 0).AddDays(1);
            articles = articles.Where(a => a.Status != ArticleStatus.Draft && a.PublishedAtUtc < end);
        }
        if (State is { } f && RevisionStates.IsWorking(f))
        {
            var ids = db.Revisions.Where(r => r.State == f).Select(r => r.ArticleId);
            articles = articles.Where(a => ids.Contains(a.Id));
        }
        else if (State == RevisionState.Published) articles = articles.Where(a => a.Status == ArticleStatus.Published);
        else if (State == RevisionState.Withdrawn) articles = articles.Where(a => a.Status == ArticleStatus.Withdrawn);
        return articles;
    }

    /// <summary>The states of a revision still in the workflow (a draft, in review, approved or scheduled).</summary>
    internal static readonly RevisionState[] WorkingStates =
    [
        RevisionState.Draft, RevisionState.Submitted, RevisionState.Rejected, RevisionState.Approved,
        RevisionState.Scheduled,
    ];

    /// <summary>The chosen order; the id breaks ties so that pages never repeat or skip a row.</summary>
    public IOrderedQueryable<Article> Order(IQueryable<Article> articles) => (Sort, Ascending) switch
    {
        (ArticleSort.Title, true) => articles.OrderBy(a => a.Title).ThenBy(a => a.Id),
        (ArticleSort.Title, false) => articles.OrderByDescending(a => a.Title).ThenByDescending(a => a.Id),
        (ArticleSort.Channel, true) => articles.OrderBy(a => a.ChannelId).ThenBy(a => a.Id),
        (ArticleSort.Channel, false) => articles.OrderByDescending(a => a.ChannelId).ThenByDescending(a => a.Id),
        (ArticleSort.State, true) => articles.OrderBy(a => a.Status).ThenBy(a => a.Id),
        (ArticleSort.State, false) => articles.OrderByDescending(a => a.Status).ThenByDescending(a => a.Id),
        (ArticleSort.Author, true) => articles.OrderBy(a => a.Author).ThenBy(a => a.Id),
        (ArticleSort.Author, false) => articles.OrderByDescending(a => a.Author).ThenByDescending(a => a.Id),
        (ArticleSort.Published, true) => articles.OrderBy(a => a.PublishedAtUtc).ThenBy(a => a.Id),
        (ArticleSort.Published, false) =>
            articles.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id),
        (ArticleSort.Hits, true) => articles.OrderBy(a => a.HitCount).ThenBy(a => a.Id),
        (ArticleSort.Hits, false) => articles.OrderByDescending(a => a.HitCount).ThenByDescending(a => a.Id),
        (_, true) => articles.OrderBy(a => a.UpdatedAtUtc).ThenBy(a => a.Id),
        _ => articles.OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id),
    };

    /// <summary>This list's address with some parts changed (another page, another order).</summary>
    public string Url(string listUrl, int? page = null, ArticleSort? sort = null, bool? ascending = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("q", Query);
        if (FullText) Add("fulltext", "1");
        Add("channel", ChannelId?.ToString(CultureInfo.InvariantCulture));
        Add("state", State?.ToString());
        Add("author", Author);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var chosen = sort ?? Sort;
        if (chosen != ArticleSort.Updated) Add("sort", chosen.ToString().ToLowerInvariant());
        if (ascending ?? Ascending) Add("dir", "asc");
        if ((page ?? Page) > 1) Add("page", (page ?? Page).ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? listUrl : listUrl + "?" + string.Join('&', parts);
    }
}
