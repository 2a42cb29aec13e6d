namespace GovPortal.Interaction.Letters;

/// <summary>
/// A file a citizen attached to a letter (images, PDF). Its bytes are kept sealed like the letter's text, under
/// <see cref="StoredName"/>; only staff who may read the letter can download it, and it is never published.
/// </summary>
public sealed class LetterAttachment
{
    public int Id { get; set; }
    public int LetterId { get; set; }

    /// <summary>The file's name as the citizen's browser gave it, cleaned.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The random name of the sealed file in the data folder.</summary>
    public string StoredName { get; set; } = "";

    public string ContentType { get; set; } = "";
    public long Length { get; set; }
}
