namespace GovPortal.BackOffice.Workflow;

public enum RevisionState
{
    /// <summary>Being written; only drafts (and rejected revisions) can be edited.</summary>
    Draft = 0,
    /// <summary>Waiting for review at level <see cref="Revision.PassedLevels"/> + 1.</summary>
    Submitted = 1,
    /// <summary>Rejected back to the editor with the reviewer's comment; editable again.</summary>
    Rejected = 2,
    /// <summary>Every review level passed; waiting for a publisher.</summary>
    Approved = 3,
    /// <summary>Approved and set to go live at <see cref="Revision.ScheduledAtUtc"/>.</summary>
    Scheduled = 4,
    /// <summary>What the public site shows now.</summary>
    Published = 5,
    /// <summary>Was published, then a newer revision was published.</summary>
    Superseded = 6,
    /// <summary>Was published, then the article was withdrawn (撤稿).</summary>
    Withdrawn = 7,
}

public static class RevisionStates
{
    public static string Label(RevisionState state) => state switch
    {
        RevisionState.Draft => "草稿",
        RevisionState.Submitted => "待审核",
        RevisionState.Rejected => "已退回",
        RevisionState.Approved => "待发布",
        RevisionState.Scheduled => "定时发布",
        RevisionState.Published => "已发布",
        RevisionState.Superseded => "历史版本",
        RevisionState.Withdrawn => "已撤稿",
        _ => state.ToString(),
    };

    /// <summary>
    /// States of a revision still in the workflow (not yet live or history): at most one per article.
    /// </summary>
    public static bool IsWorking(RevisionState state) =>
        state is RevisionState.Draft or RevisionState.Submitted or RevisionState.Rejected or RevisionState.Approved
            or RevisionState.Scheduled;
}
