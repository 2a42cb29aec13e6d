namespace GovPortal.Content.Organisations;

/// <summary>What a member does for an organisation: draft replies (承办人) or approve them (审核人).</summary>
public static class OrganisationDuties
{
    public const string Handler = "Handler";
    public const string Reviewer = "Reviewer";

    public static readonly IReadOnlyList<string> All = [Handler, Reviewer];

    public static string Label(string duty) => duty switch
    {
        Handler => "承办人",
        Reviewer => "审核人",
        _ => duty,
    };
}

/// <summary>
/// A staff account's duty for one organisation of the site: the 承办人 who drafts replies to letters assigned to the
/// organisation, or the reviewer who approves them. An account may hold both, for several organisations.
/// </summary>
public sealed class OrganisationMember
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string UserId { get; set; }

    /// <summary><see cref="OrganisationDuties"/> code.</summary>
    public required string Duty { get; set; }
}
