using System.Text.Json;
using GovPortal.Citizens.Protection;

namespace GovPortal.Interaction.Consultations;

/// <summary>What a citizen wrote on a consultation, as sealed in
/// <see cref="ConsultationComment.SealedContent"/>.</summary>
public sealed record CommentContent(string Name, string Contact, string Text);

/// <summary>
/// Seals and opens a comment with the people's-data cipher; the purpose names the comment's number
/// (<c>comment:{Number}</c>), so a sealed value copied onto another comment does not open.
/// </summary>
public sealed class CommentSeal(PersonalDataCipher cipher)
{
    public string Seal(CommentContent content, string number) =>
        cipher.Seal(JsonSerializer.Serialize(content), "comment:" + number);

    public CommentContent Open(ConsultationComment comment) =>
        JsonSerializer.Deserialize<CommentContent>(cipher.Open(comment.SealedContent, "comment:" + comment.Number))!;
}
