using GovPortal.BackOffice.Workflow;

namespace GovPortal.BackOffice.Articles;

/// <summary>One line of an article list in the back office.</summary>
public sealed record ArticleRow(int ArticleId, int Number, string Title, string ChannelName, RevisionState State,
    string By, DateTime AtUtc, string Note)
{
    public string StateLabel => RevisionStates.Label(State);
}
