namespace GovPortal.Disclosure;

/// <summary>Where an application stands.</summary>
public enum DisclosureStatus
{
    /// <summary>Received online, not yet registered by staff (the clock already runs: Art. 31).</summary>
    Submitted,

    /// <summary>登记: registered by staff.</summary>
    Registered,

    /// <summary>补正: the applicant was asked to make the application clear; the clock stops until they do.</summary>
    AwaitingCorrection,

    /// <summary>办理: being handled.</summary>
    Processing,

    /// <summary>答复: answered, with an outcome and the 答复书.</summary>
    Answered,
}

/// <summary>
/// An application for disclosure (依申请公开). What the annual report counts is stored as plain, stable codes (the
/// received date, applicant type and organisation kind, outcome category and reason); everything that identifies the
/// applicant, and what they wrote, is sealed in <see cref="SealedApplicant"/> and <see cref="SealedCorrection"/>.
/// </summary>
public sealed class DisclosureApplication
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    /// <summary>申请编号, e.g. YSQ20261130-0007: not secret, never reused.</summary>
    public string Number { get; set; } = "";

    public byte[] QueryCodeSalt { get; set; } = [];

    public byte[] QueryCodeHash { get; set; } = [];

    /// <summary><see cref="ApplicantTypes"/>: citizen or organisation.</summary>
    public string ApplicantType { get; set; } = "";

    /// <summary>For organisations, the annual report's column (<see cref="ApplicantTypes.OrganisationKinds"/>).
    /// </summary>
    public string OrganisationKind { get; set; } = "";

    /// <summary>Name, ID, contact, address and the description, as JSON, sealed (see PersonalDataCipher).</summary>
    public string SealedApplicant { get; set; } = "";

    /// <summary><see cref="DeliveryOptions"/>: post, email, in-person.</summary>
    public string Delivery { get; set; } = "";

    /// <summary><see cref="DeliveryOptions"/>: paper or electronic.</summary>
    public string Medium { get; set; } = "";

    /// <summary>The China date of receipt (Art. 31: online, the day both sides confirm it, the day submitted).
    /// </summary>
    public DateOnly ReceivedOn { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public DisclosureStatus Status { get; set; }

    /// <summary>The day the answer period counts from: receipt, or the day a 补正 arrived.</summary>
    public DateOnly ClockStartsOn { get; set; }

    public DateTime? RegisteredAtUtc { get; set; }

    public string RegisteredBy { get; set; } = "";

    /// <summary>What staff asked the applicant to make clear (staff's words, no personal data).</summary>
    public string CorrectionRequest { get; set; } = "";

    public DateOnly? CorrectionRequestedOn { get; set; }

    /// <summary>The applicant's correction, sealed.</summary>
    public string SealedCorrection { get; set; } = "";

    public DateOnly? CorrectionSuppliedOn { get; set; }

    public DateTime? ProcessingAtUtc { get; set; }

    /// <summary>延期: working days added to the 20 (at most 20, once).</summary>
    public int ExtensionDays { get; set; }

    public string ExtensionReason { get; set; } = "";

    /// <summary>The head who approved the extension (Art. 33), as staff entered it.</summary>
    public string ExtensionApprovedBy { get; set; } = "";

    public DateOnly? ExtendedOn { get; set; }

    /// <summary><see cref="DisclosureOutcomes"/> category code.</summary>
    public string OutcomeCategory { get; set; } = "";

    /// <summary><see cref="DisclosureOutcomes"/> reason code within the category ("" where it has none).</summary>
    public string OutcomeReason { get; set; } = "";

    /// <summary>A short note to the applicant shown with the outcome.</summary>
    public string AnswerNote { get; set; } = "";

    public DateOnly? AnsweredOn { get; set; }

    public string AnsweredBy { get; set; } = "";

    public string AnswerFileName { get; set; } = "";

    public string AnswerStoredName { get; set; } = "";

    public string AnswerContentType { get; set; } = "";

    /// <summary>Raised by every change; a form from an older page is refused.</summary>
    public int Version { get; set; } = 1;
}
