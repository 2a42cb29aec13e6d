namespace GovPortal.Interaction.Letters;

/// <summary>Where a letter stands. Publishing (选登) is separate: a replied letter may also be published.</summary>
public enum LetterStatus
{
    /// <summary>待甄别: the text tripped the spam or sensitive-word checks; only the mailbox administrator sees it.
    /// </summary>
    Screening,

    /// <summary>待分办: received, waiting for the mailbox administrator to assign a 承办单位.</summary>
    New,

    /// <summary>办理中: assigned to an organisation, whose 承办人 drafts the reply.</summary>
    Assigned,

    /// <summary>退回: the organisation sent it back to the dispatcher with a reason (wrong department).</summary>
    Returned,

    /// <summary>待审核: a reply is drafted and waits for a reviewer of the organisation.</summary>
    AwaitingReview,

    /// <summary>已答复: the approved reply has gone to the citizen.</summary>
    Replied,

    /// <summary>已合并: a duplicate, answered by the letter it was merged into.</summary>
    Merged,

    /// <summary>不予受理: held at screening and confirmed as spam or abuse; kept, never published, not counted.</summary>
    Rejected,
}

public static class LetterStatusLabels
{
    public static string Of(LetterStatus status) => status switch
    {
        LetterStatus.Screening => "待甄别",
        LetterStatus.New => "待分办",
        LetterStatus.Assigned => "办理中",
        LetterStatus.Returned => "退回待重新分办",
        LetterStatus.AwaitingReview => "答复待审核",
        LetterStatus.Replied => "已答复",
        LetterStatus.Merged => "已合并办理",
        LetterStatus.Rejected => "不予受理",
        _ => status.ToString(),
    };

    /// <summary>What the citizen's lookup shows: the inner steps of the office are not the citizen's concern, and a
    /// letter held at screening looks like any letter being handled.</summary>
    public static string ForCitizen(LetterStatus status) => status switch
    {
        LetterStatus.Replied or LetterStatus.Merged => "已答复",
        LetterStatus.Rejected => "不予受理",
        LetterStatus.New or LetterStatus.Screening => "已受理，等待分办",
        _ => "办理中",
    };
}
