using System.Text.Json;
using GovPortal.Citizens.Protection;

namespace GovPortal.Interaction.Letters;

/// <summary>What the citizen wrote in a letter, as sealed in <see cref="Letter.SealedContent"/>.</summary>
public sealed record LetterContent(string Subject, string Text, string Name, string Mobile, string Email);

/// <summary>
/// Seals and opens a letter's content and rating comment with the people's-data cipher. The purpose names the
/// letter's number, so a sealed value copied onto another letter does not open.
/// </summary>
public sealed class LetterSeal(PersonalDataCipher cipher)
{
    public string Seal(LetterContent content, string number) =>
        cipher.Seal(JsonSerializer.Serialize(content), "letter:" + number);

    public LetterContent Open(Letter letter) =>
        JsonSerializer.Deserialize<LetterContent>(cipher.Open(letter.SealedContent, "letter:" + letter.Number))!;

    public string SealRatingComment(string comment, string number) =>
        comment.Length == 0 ? "" : cipher.Seal(comment, "letter-rating:" + number);

    public string RatingCommentOf(Letter letter) =>
        letter.SealedRatingComment.Length == 0
            ? ""
            : cipher.Open(letter.SealedRatingComment, "letter-rating:" + letter.Number);
}
