namespace GovPortal.Interaction.Letters;

/// <summary>
/// A citizen's letter (信件) to a mailbox, and its handling. Everything the citizen wrote — subject, text, name,
/// mobile number, e-mail — is sealed in <see cref="SealedContent"/> (see PersonalDataCipher, purpose
/// <c>letter:{Number}</c>); what statistics and lists need in clear is plain codes and dates. What the public may
/// read once staff publish the letter (选登) is a separate copy, <see cref="PublicSubject"/> and
/// <see cref="PublicText"/>, which staff may shorten to leave personal details out, with the name masked.
/// </summary>
public sealed class Letter
{
    public const int SubjectMax = 100;
    public const int TextMax = 2000;
    public const int ReplyMax = 10000;

    public int Id { get; set; }
    public int SiteId { get; set; }
    public int MailboxId { get; set; }

    /// <summary>信件编号, e.g. XJ20261130-0007: not secret, never reused.</summary>
    public string Number { get; set; } = "";

    public byte[] QueryCodeSalt { get; set; } = [];
    public byte[] QueryCodeHash { get; set; } = [];

    /// <summary><see cref="LetterKinds"/> code.</summary>
    public string Kind { get; set; } = LetterKinds.Other;

    /// <summary>Subject, text, name, mobile and e-mail as JSON, sealed.</summary>
    public string SealedContent { get; set; } = "";

    /// <summary>The citizen allowed the letter to be published (选登), name masked.</summary>
    public bool MayPublish { get; set; }

    /// <summary>The China date of receipt: the deadline counts from here.</summary>
    public DateOnly ReceivedOn { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>Working days to reply, as the mailbox set them for this kind when the letter arrived.</summary>
    public int ReplyDays { get; set; }

    public LetterStatus Status { get; set; }

    /// <summary>Why the letter is held in 待甄别: the names of the checks that tripped, never the text.</summary>
    public string ScreeningReason { get; set; } = "";

    /// <summary>The 承办单位 (an organisation of the site) while assigned, and the one that replied.</summary>
    public int? OrganisationId { get; set; }

    public DateTime? AssignedAtUtc { get; set; }
    public string AssignedBy { get; set; } = "";

    /// <summary>Why the organisation sent the letter back to the dispatcher (the latest time).</summary>
    public string ReturnReason { get; set; } = "";

    /// <summary>The letter this duplicate was merged into; its reply answers both.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>The 承办人's draft of the reply (staff's words).</summary>
    public string DraftReply { get; set; } = "";

    public string DraftedBy { get; set; } = "";
    public DateTime? DraftedAtUtc { get; set; }

    /// <summary>Why the reviewer sent the draft back (the latest time).</summary>
    public string ReviewComment { get; set; } = "";

    /// <summary>The approved reply the citizen reads.</summary>
    public string Reply { get; set; } = "";

    public DateOnly? RepliedOn { get; set; }
    public DateTime? RepliedAtUtc { get; set; }
    public string ApprovedBy { get; set; } = "";

    /// <summary><see cref="LetterRatings"/> code, "" until the citizen rates the reply (once).</summary>
    public string Rating { get; set; } = "";

    /// <summary>The citizen's optional comment with the rating, sealed (purpose <c>letter-rating:{Number}</c>).
    /// </summary>
    public string SealedRatingComment { get; set; } = "";

    public DateTime? RatedAtUtc { get; set; }

    /// <summary>Set while the letter is published (选登); cleared when staff withdraw it.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    public string PublishedBy { get; set; } = "";
    public string PublicSubject { get; set; } = "";
    public string PublicText { get; set; } = "";

    /// <summary>The writer's name as published: the family name and a star (王*).</summary>
    public string PublicName { get; set; } = "";

    /// <summary>Raised by every change; a form from an older page is refused.</summary>
    public int Version { get; set; } = 1;
}
