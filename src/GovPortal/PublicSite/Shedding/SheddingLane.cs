namespace GovPortal.PublicSite.Shedding;

/// <summary>
/// The kinds of dynamic work of the public site, each limited on its own, so that a flood of one (searches, say)
/// never takes the places of another (a citizen's letter).
/// </summary>
public enum SheddingLane
{
    /// <summary>Not limited: a published page or file, or the back office (which has its own sign-in).</summary>
    None,

    /// <summary>站内搜索 (its pages and API) and the view counter.</summary>
    SearchAndHits,

    /// <summary>Citizens' services: the forms of 依申请公开, letters and consultations, their posts and lookups.</summary>
    CitizenForms,
}
