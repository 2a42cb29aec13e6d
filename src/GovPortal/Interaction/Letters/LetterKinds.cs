namespace GovPortal.Interaction.Letters;

/// <summary>What a citizen's letter is (信件类型), stored as a stable code.</summary>
public static class LetterKinds
{
    public const string Consult = "consult";
    public const string Complaint = "complaint";
    public const string Suggestion = "suggestion";
    public const string Help = "help";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Consult, Complaint, Suggestion, Help, Other];

    public static bool IsKind(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Consult => "咨询",
        Complaint => "投诉",
        Suggestion => "建议",
        Help => "求助",
        Other => "其他",
        _ => code,
    };
}
