namespace GovPortal.Citizens.Forms;

/// <summary>
/// A public form post that was taken, or is being taken now, keyed by the hash of its form token. Kept in the
/// database for the token's lifetime, so the same post sent again (a refresh of the receipt page, a double click, a
/// resend by a mobile network) gets the first receipt after a restart and on any node, and memory holds only the
/// posts being handled at this moment. The receipt number is written in the same transaction as the letter or
/// application it names.
/// </summary>
public sealed class HandledFormPost
{
    /// <summary>SHA-256 of the form token, in hex: the token itself is never stored.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The claim handling the post now; a claim that takes over from a dead one changes it, so the dead one
    /// can no longer record a receipt (a concurrency token).</summary>
    public string Holder { get; set; } = "";

    public DateTime ClaimedAtUtc { get; set; }

    /// <summary>When the form token expires: the same post can no longer come, and the row is purged.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Null while the post is being handled.</summary>
    public string? ReceiptNumber { get; set; }
}
