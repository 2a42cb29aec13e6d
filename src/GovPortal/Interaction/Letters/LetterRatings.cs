namespace GovPortal.Interaction.Letters;

/// <summary>The citizen's rating of a reply (满意度), given once, stored as a stable code.</summary>
public static class LetterRatings
{
    public const string Satisfied = "satisfied";
    public const string Fair = "fair";
    public const string Dissatisfied = "dissatisfied";

    public static readonly IReadOnlyList<string> All = [Satisfied, Fair, Dissatisfied];

    public static bool IsRating(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Satisfied => "满意",
        Fair => "基本满意",
        Dissatisfied => "不满意",
        _ => "",
    };
}
