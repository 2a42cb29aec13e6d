using System.Globalization;
using System.Text.RegularExpressions;
using GovPortal.Content;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.PublicSite;

/// <summary>
/// Every 标题颜色 an editor may choose, and the 置顶 mark, is at least 4.5:1 against the white page (WCAG 2.2 AA for
/// text of any size), as the theme's stylesheet states it: a colour added to <see cref="TitleLook"/> without a rule,
/// or a rule changed to a paler colour, fails here.
/// </summary>
public sealed partial class TitleLookContrastTests
{
    private static readonly string Css =
        File.ReadAllText(Path.Combine(Repository.Root, "src/GovPortal/Theme/Assets/site.css"));

    public static TheoryData<string> Classes()
    {
        var data = new TheoryData<string> { ".pin-mark" };
        foreach (var colour in TitleLook.Colours) data.Add(".title-" + colour.Value);
        return data;
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void The_colour_is_readable_on_the_white_page(string selector)
    {
        var rule = Regex.Match(Css, Regex.Escape(selector) + @"\b[^{]*\{([^}]*)\}");
        Assert.True(rule.Success, $"site.css has no rule for {selector}");
        var colour = ColourDeclaration().Match(rule.Groups[1].Value);
        Assert.True(colour.Success, $"the rule for {selector} sets no colour");
        var value = colour.Groups[1].Value.Trim();
        if (VariableReference().Match(value) is { Success: true } variable)
            value = Regex.Match(Css, "--" + Regex.Escape(variable.Groups[1].Value) + @":\s*(#[0-9a-fA-F]{6})")
                .Groups[1].Value;
        var ratio = (1.05) / (Luminance(value) + 0.05);
        Assert.True(ratio >= 4.5, $"{selector} ({value}) is {ratio:F2}:1 against white, below 4.5:1");
    }

    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }

    [GeneratedRegex(@"(?<![-\w])color:\s*([^;]+);")]
    private static partial Regex ColourDeclaration();

    [GeneratedRegex(@"var\(--([\w-]+)\)")]
    private static partial Regex VariableReference();
}
