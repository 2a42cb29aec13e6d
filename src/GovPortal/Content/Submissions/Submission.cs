namespace GovPortal.Content.Submissions;

/// <summary>
/// 信息报送: one site's published article offered to a channel of another site of the platform (a town's news to the
/// district's 镇街动态). The receiving site's reviewers accept it, and it is published there as an article of its own
/// with 来源 the sending site and a link back, or return it with a comment. Both sites see the row: the sender its
/// outcome, the receiver its queue and the 采用数 per sending site and month.
/// </summary>
public sealed class Submission
{
    public int Id { get; set; }

    /// <summary>The sending site and its article (published when it was sent).</summary>
    public int FromSiteId { get; set; }
    public int FromArticleId { get; set; }

    /// <summary>The receiving site and the channel the article was offered to (one that takes submissions).</summary>
    public int ToSiteId { get; set; }
    public int ToChannelId { get; set; }

    /// <summary>The article's title when it was sent, for the lists (the article may be corrected later).</summary>
    public required string Title { get; set; }

    /// <summary>What the sender adds for the receiving editors (optional, plain text).</summary>
    public string Note { get; set; } = "";

    public SubmissionState State { get; set; }

    public required string SubmittedBy { get; set; }
    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>Who accepted or returned it, and when; "" and null while it waits.</summary>
    public string DecidedBy { get; set; } = "";
    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>Why it was returned (required then); "" otherwise.</summary>
    public string ReturnComment { get; set; } = "";

    /// <summary>The receiving site's article made on acceptance; null until then.</summary>
    public int? AcceptedArticleId { get; set; }

    /// <summary>Raised by every change: two reviewers deciding at once cannot both succeed.</summary>
    public int Version { get; set; }

    public const int NoteMax = 500;
    public const int CommentMax = 1000;
}

public enum SubmissionState
{
    /// <summary>报送, waiting for the receiving site's reviewers.</summary>
    Pending,

    /// <summary>采用: published on the receiving site.</summary>
    Accepted,

    /// <summary>退回, with a comment; the sender may send it again.</summary>
    Returned,
}

public static class SubmissionStates
{
    public static string Label(SubmissionState state) => state switch
    {
        SubmissionState.Pending => "待处理",
        SubmissionState.Accepted => "已采用",
        _ => "已退回",
    };
}
