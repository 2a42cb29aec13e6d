namespace GovPortal.Interaction.Letters;

/// <summary>
/// A mailbox of the site's 互动交流 section (区长信箱, 12345 咨询 …): where a citizen chooses to write, and the reply
/// deadlines that apply to the letters written to it. A mailbox with letters is never deleted, only deactivated.
/// </summary>
public sealed class Mailbox
{
    public const int MaxNameLength = 50;
    public const int DefaultConsultReplyDays = 5;
    public const int DefaultReplyDays = 10;

    public int Id { get; set; }
    public int SiteId { get; set; }

    /// <summary>The mailbox's address segment, e.g. <c>qzxx</c> (lower-case letters and digits), unique per site.
    /// </summary>
    public required string Code { get; set; }

    /// <summary>The name citizens see, e.g. 区长信箱.</summary>
    public required string Name { get; set; }

    /// <summary>One or two sentences under the name: what the mailbox is for.</summary>
    public string Description { get; set; } = "";

    public int SortOrder { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Working days to reply to a 咨询 letter.</summary>
    public int ConsultReplyDays { get; set; } = DefaultConsultReplyDays;

    /// <summary>Working days to reply to every other kind (投诉, 建议, 求助, 其他).</summary>
    public int ReplyDays { get; set; } = DefaultReplyDays;

    /// <summary>The deadline in working days for a letter of <paramref name="kind"/> written to this mailbox.</summary>
    public int ReplyDaysFor(string kind) => kind == LetterKinds.Consult ? ConsultReplyDays : ReplyDays;
}
