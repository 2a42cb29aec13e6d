using GovPortal.BackOffice.Pages;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;

namespace GovPortal.BackOffice.Articles;

public sealed record ChannelOption(int Id, string Label);

public sealed record ArticleEditPageModel(Shell Shell, int ArticleId, ArticleForm Form,
    IReadOnlyList<ChannelOption> Channels,
    IReadOnlyList<RevisionFile> Files, string? Error, string? StateNote, bool EditorInstalled,
    IReadOnlyDictionary<string, IReadOnlyList<Content.Kinds.ChoiceOption>>? Choices = null,
    IReadOnlyList<Content.Kinds.ContentKind>? Kinds = null);

public sealed record ArticleViewPageModel(Shell Shell, Article Article, Revision Current,
    IReadOnlyList<Revision> History,
    IReadOnlyDictionary<int, string> ChannelNames, ArticleActions Actions, string ScheduleDefault,
    IReadOnlyList<ShownFinding> Findings, StaffNames People, ActionProblem? Problem = null,
    IReadOnlyList<ListingChoice>? Listings = null)
{
    public int Warnings => Findings.Count(f => !f.Blocking);

    /// <summary>The refusal to show beside <paramref name="action"/>'s form, if it was that action's.</summary>
    public string? ProblemAt(string action) => Problem is { } p && p.Action == action ? p.Message : null;

    /// <summary>What the person typed into <paramref name="field"/> of <paramref name="action"/>'s form, or
    /// <paramref name="initial"/>.</summary>
    public string TypedAt(string action, string field, string initial = "") =>
        Problem is { } p && p.Action == action ? p.Typed.GetValueOrDefault(field, initial) : initial;

    /// <summary>
    /// Whether the refused action's form is on the page to carry the message; otherwise (the article moved on, or the
    /// action has no form of its own) the message stands at the top.
    /// </summary>
    public bool ProblemHasForm => Problem?.Action switch
    {
        "submit" => Actions.Submit,
        "recall" => Actions.Recall,
        "approve" or "reject" => Actions.Review,
        "publish" => Actions.Publish,
        "schedule" => Actions.Schedule,
        "unschedule" => Actions.Unschedule,
        "force-publish" => Actions.ForcePublish,
        "withdraw" => Actions.Withdraw,
        "schedule-withdrawal" => Actions.ScheduleWithdrawal,
        "cancel-withdrawal" => Actions.CancelWithdrawal,
        "rank" => Actions.Rank,
        "listings" => Actions.Rank && Listings is { Count: > 0 },
        "published-at" => Actions.ChangeDate,
        _ => false,
    };
}

/// <summary>
/// A channel the live article may be listed in too (同时列于), whether it is now, and whether this publisher may
/// change that (another publisher's channel it is listed in is shown, and kept).
/// </summary>
public sealed record ListingChoice(int ChannelId, string Label, bool Listed, bool Editable);

/// <summary>A refused article action: its name, the reason with the rule, and the text the person had typed, by
/// field name.</summary>
public sealed record ActionProblem(string Action, string Message, IReadOnlyDictionary<string, string> Typed);

public sealed record ArticleListPageModel(Shell Shell, IReadOnlyList<ArticleListRow> Rows,
    IReadOnlyList<ChannelOption> Channels, ArticleListQuery Query, int PageCount, int Total);

/// <summary>
/// One row of the article list: the working revision's title and state when there is one, the article's 作者,
/// 发布日期 (none while never published) and 访问量, and the version a 批量 action on it is based on.
/// </summary>
public sealed record ArticleListRow(int ArticleId, string Title, string ChannelName, RevisionState State,
    string Author, DateTime? PublishedAtUtc, long Hits, int Version, string By, DateTime UpdatedAtUtc, string Note)
{
    public string StateLabel => RevisionStates.Label(State);
}

public sealed record BulkResultPageModel(Shell Shell, string ActionLabel, IReadOnlyList<BulkItemResult> Results,
    string BackUrl);

public sealed record DiffField(string Label, List<DiffSegment> Segments);

/// <summary>A rich-text field's changes, paragraph by paragraph.</summary>
public sealed record DiffBody(string Label, List<List<DiffSegment>> Paragraphs);

public sealed record DiffPageModel(Shell Shell, int ArticleId, string Title, Revision From, Revision To,
    IReadOnlyList<Revision> History,
    IReadOnlyList<DiffField> Fields, IReadOnlyList<DiffBody> Bodies);

public sealed record ForcedRow(int RevisionId, int ArticleId, string Title, string ChannelName, string PublishedBy,
    DateTime? PublishedAtUtc, string Reason, string ReviewedBy, bool CanConfirm);

public sealed record ForcedPageModel(Shell Shell, IReadOnlyList<ForcedRow> Rows);
