using GovPortal.Content.Kinds;

namespace GovPortal.Content;

/// <summary>
/// 标题颜色 and 加粗: how a title stands out in lists and on its page. Only colours of the theme's accessible palette
/// (each at least 4.5:1 against the white page, so a coloured link stays readable) are offered; the page gets a class,
/// never a colour value, so the dark and high-contrast schemes still override it.
/// </summary>
public static class TitleLook
{
    /// <summary>The colours offered; "" (no choice) is the theme's own link colour.</summary>
    public static IReadOnlyList<ChoiceOption> Colours { get; } =
    [
        new("red", "红色"),
        new("green", "绿色"),
        new("brown", "棕色"),
    ];

    /// <summary>The one choice of 加粗; "" (no choice) is a regular title.</summary>
    public static IReadOnlyList<ChoiceOption> Weights { get; } = [new(Bold, "加粗")];

    public const string Bold = "bold";

    /// <returns>The title's classes, e.g. "title-red title-bold", or "" for a plain title.</returns>
    public static string ClassOf(string colour, bool bold) =>
        (colour.Length > 0 ? "title-" + colour : "") + (bold ? (colour.Length > 0 ? " " : "") + "title-bold" : "");
}
