using GovPortal.Content.Kinds;

namespace GovPortal.Content;

/// <summary>
/// 主题配色: the colour of the site's header, navigation and block borders, chosen from the theme's accessible schemes
/// (white text on each is at least 4.5:1). The page gets a name, never a colour value, and the reader's own schemes
/// (网站无障碍) still override it.
/// </summary>
public static class SiteLook
{
    /// <summary>The schemes offered; "" is the theme's own 政府红.</summary>
    public static IReadOnlyList<ChoiceOption> Themes { get; } =
    [
        new("", "政府红（默认）"),
        new("blue", "政务蓝"),
        new("green", "生态绿"),
    ];

    public static bool IsTheme(string value) => Themes.Any(t => t.Value == value);

    public static string LabelOf(string theme) => Themes.FirstOrDefault(t => t.Value == theme)?.Label ?? theme;
}
