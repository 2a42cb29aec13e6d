using GovPortal.Interaction.Letters;

namespace GovPortal.BackOffice.Letters;

/// <summary>
/// Opens the sealed bytes of a letter's attachment (stored by the public letter form under
/// <see cref="LetterAttachment.StoredName"/> in the data folder). The office asks for it only after checking that
/// the person may read the letter; without a registered store the office says the file cannot be opened.
/// </summary>
public interface ILetterAttachmentFiles
{
    /// <summary>The file's bytes in clear, or null when the file is missing or does not open.</summary>
    Task<byte[]?> ReadAsync(Letter letter, LetterAttachment attachment, CancellationToken cancellationToken);
}
