using GovPortal.Content;

namespace GovPortal.BackOffice.Workflow;

/// <summary>
/// One version of an article as the web team wrote it. The article row holds what the public sees; revisions hold
/// everything written, reviewed and published, so editing a live article never changes its page until the new
/// revision is published.
/// </summary>
public sealed class Revision : IArticleContent
{
    public int Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>The article's site, kept on each revision so that a site sees only its own.</summary>
    public int SiteId { get; set; }

    /// <summary>1, 2, 3 … per article.</summary>
    public int Number { get; set; }

    public RevisionState State { get; set; }

    public int ChannelId { get; set; }
    public string Kind { get; set; } = Content.Kinds.NewsKind.Key;
    public required string Title { get; set; }
    public string TitleColour { get; set; } = "";
    public bool TitleBold { get; set; }
    public string LinkUrl { get; set; } = "";
    public string LeadImage { get; set; } = "";
    public string Subtitle { get; set; } = "";
    public string Source { get; set; } = "";
    public string Author { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Sanitized HTML, as for the article.</summary>
    public string BodyHtml { get; set; } = "";

    public Dictionary<string, string> Extras { get; set; } = [];

    public Content.Disclosure.DisclosureFacts Disclosure { get; set; } = new();

    public List<RevisionFile> Files { get; set; } = [];

    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Who submitted it for review: the person who may not approve it.</summary>
    public string SubmittedBy { get; set; } = "";

    /// <summary>How many review levels it needs (the channel's setting when it was submitted) and has passed.</summary>
    public int RequiredLevels { get; set; }
    public int PassedLevels { get; set; }

    /// <summary>Account names that approved a level, comma separated: one person approves one level at most.</summary>
    public string ApprovedBy { get; set; } = "";

    /// <summary>
    /// The optional comments reviewers gave when they approved a level of this submission, one line each: the level,
    /// the account name and the comment, separated by tabs (see <see cref="ApprovalComment"/>). Shown in the article's
    /// history; a new submission starts the levels, and their comments, again (the audit log keeps every one).
    /// </summary>
    public string ApprovalComments { get; set; } = "";

    /// <summary>The reviewer's reason when it was rejected.</summary>
    public string RejectionComment { get; set; } = "";
    public string RejectedBy { get; set; } = "";

    public DateTime? ScheduledAtUtc { get; set; }

    public string PublishedBy { get; set; } = "";
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>Set when a publisher skipped review for urgent content; listed for retrospective review.</summary>
    public string ForcedReason { get; set; } = "";
    public string ForcedReviewedBy { get; set; } = "";

    /// <summary>
    /// Optimistic concurrency: raised by every save; a save based on an older value is refused. Starts at 1, so a
    /// post that carries no version at all is refused too.
    /// </summary>
    public int Version { get; set; } = 1;
}

/// <summary>
/// A related file of a revision; the bytes are in the upload store, shared by revisions that keep the file.
/// </summary>
public sealed class RevisionFile
{
    public int Id { get; set; }
    public int RevisionId { get; set; }
    public required string DisplayName { get; set; }
    public required string StoredName { get; set; }
    public required string Extension { get; set; }
    public long SizeBytes { get; set; }
    public required string ContentType { get; set; }
    public int SortOrder { get; set; }

    /// <summary>A picture's size in pixels as kept (see <c>ImageReencoder</c>); 0 for a document.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>
    /// The same stored file for another revision (files are never rewritten, so revisions share them).
    /// </summary>
    public RevisionFile Copy() => new()
    {
        DisplayName = DisplayName, StoredName = StoredName, Extension = Extension, SizeBytes = SizeBytes,
        ContentType = ContentType, SortOrder = SortOrder, Width = Width, Height = Height,
    };

    public static RevisionFile From(RelatedFile file) => new()
    {
        DisplayName = file.DisplayName, StoredName = file.StoredName, Extension = file.Extension,
        SizeBytes = file.SizeBytes, ContentType = file.ContentType, SortOrder = file.SortOrder,
        Width = file.Width, Height = file.Height,
    };

    /// <summary>The file as the live article lists it.</summary>
    public RelatedFile ToRelatedFile() => new()
    {
        DisplayName = DisplayName, StoredName = StoredName, Extension = Extension, SizeBytes = SizeBytes,
        ContentType = ContentType, SortOrder = SortOrder, Width = Width, Height = Height,
    };
}
