namespace GovPortal.Interaction.Consultations;

/// <summary>
/// A comment a citizen sent on a consultation. Like a letter: committed before the receipt is shown, a number and a
/// secret 查询码, and everything the citizen wrote sealed (purpose <c>comment:{Number}</c>). A comment that trips the
/// spam or sensitive-word checks is kept with <see cref="Held"/> set, for staff to look at.
/// </summary>
public sealed class ConsultationComment
{
    public const int TextMax = 2000;

    public int Id { get; set; }
    public int ConsultationId { get; set; }

    /// <summary>意见编号, e.g. YJ20261130-0003.</summary>
    public string Number { get; set; } = "";

    public byte[] QueryCodeSalt { get; set; } = [];
    public byte[] QueryCodeHash { get; set; } = [];

    /// <summary>Name, contact and text as JSON, sealed.</summary>
    public string SealedContent { get; set; } = "";

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>Held at screening (待甄别).</summary>
    public bool Held { get; set; }

    public string ScreeningReason { get; set; } = "";
}
