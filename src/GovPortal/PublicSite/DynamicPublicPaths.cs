namespace GovPortal.PublicSite;

/// <summary>
/// Addresses of the public site answered per request by an endpoint (forms of citizens' services), which the output
/// server must leave to the router, like the search page.
/// </summary>
public sealed class DynamicPublicPaths
{
    /// <summary>依申请公开: the application form, and its receipt and lookup under it.</summary>
    public const string DisclosureApplications = "/zfxxgk/ysqgk";

    /// <summary>互动交流: the letter form (the mailbox chosen in it, or preselected by <c>?mailbox=code</c>) and its
    /// receipt.</summary>
    public const string LetterForm = "/hdjl/xx";

    /// <summary>互动交流: a letter's lookup by 信件编号 and 查询码, with the reply and the rating.</summary>
    public const string LetterLookup = "/hdjl/cx";

    /// <summary>意见征集: the comment form of a consultation (<c>/hdjl/yjzj/yj/{id}</c>), its receipt and lookup.</summary>
    public const string ConsultationComments = "/hdjl/yjzj/yj";

    /// <summary>
    /// The citizens' services the portal serves per request (in each page form), known to the link check also where
    /// nothing maps them (the check command), so a published page linking to them is not reported as broken.
    /// </summary>
    public static readonly IReadOnlyList<string> CitizenServices =
        [DisclosureApplications, LetterForm, LetterLookup, ConsultationComments];

    /// <summary>Whether a standard-form path is one of <see cref="CitizenServices"/> or under one.</summary>
    public static bool IsCitizenService(string standardPath) =>
        CitizenServices.Any(prefix => new PathString(standardPath.TrimEnd('/')).StartsWithSegments(prefix,
            StringComparison.OrdinalIgnoreCase));

    // Read on every request, written only while endpoints are mapped: a copied array, never a lock on the read.
    private volatile string[] _prefixes = [];
    private readonly Lock _adding = new();

    public void Add(string prefix)
    {
        lock (_adding)
        {
            var trimmed = prefix.TrimEnd('/');
            if (!_prefixes.Contains(trimmed, StringComparer.OrdinalIgnoreCase)) _prefixes = [.. _prefixes, trimmed];
        }
    }

    public bool Claims(PathString path)
    {
        foreach (var prefix in _prefixes)
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
