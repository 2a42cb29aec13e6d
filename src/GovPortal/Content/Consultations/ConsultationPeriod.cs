namespace GovPortal.Content.Consultations;

/// <summary>Where a consultation (意见征集) stands, judged by the clock each time it is asked.</summary>
public enum ConsultationState
{
    /// <summary>未开始: before the start time; the form is closed.</summary>
    NotStarted,

    /// <summary>征集中: from the start time until the end time; comments are taken.</summary>
    Open,

    /// <summary>已结束: after the end time, no 反馈 published yet.</summary>
    Ended,

    /// <summary>已反馈: the 反馈 is published.</summary>
    FeedbackPublished,
}

/// <summary>
/// The period rule of a consultation in one place, for the public page, the comment form, the back office and the
/// health report alike: open from the start (inclusive) until the end (exclusive), in UTC.
/// </summary>
public static class ConsultationPeriod
{
    public static ConsultationState StateAt(DateTime startsAtUtc, DateTime endsAtUtc, DateTime? feedbackPublishedAtUtc,
        DateTime nowUtc) =>
        feedbackPublishedAtUtc is not null ? ConsultationState.FeedbackPublished
        : nowUtc < startsAtUtc ? ConsultationState.NotStarted
        : nowUtc < endsAtUtc ? ConsultationState.Open
        : ConsultationState.Ended;

    /// <summary>Whether comments are taken now (the feedback can only exist after the end).</summary>
    public static bool IsOpen(DateTime startsAtUtc, DateTime endsAtUtc, DateTime nowUtc) =>
        nowUtc >= startsAtUtc && nowUtc < endsAtUtc;

    public static string Label(ConsultationState state) => state switch
    {
        ConsultationState.NotStarted => "未开始",
        ConsultationState.Open => "征集中",
        ConsultationState.Ended => "已结束",
        _ => "已反馈",
    };

    /// <summary>The public page of a consultation.</summary>
    public static string PageUrl(int id) => $"/hdjl/yjzj/{id}.html";

    /// <summary>The list of consultations.</summary>
    public const string IndexUrl = "/hdjl/yjzj/";

    /// <summary>The comment form of a consultation (served per request).</summary>
    public static string CommentFormUrl(int id) => $"/hdjl/yjzj/yj/{id}";

    /// <summary>The lookup of a comment by 意见编号 and 查询码.</summary>
    public const string LookupUrl = "/hdjl/yjzj/yj/cx";
}
