using System.Globalization;
using System.Net;
using System.Text;
using GovPortal.Theme;

namespace GovPortal.Publishing.Interaction;

/// <summary>
/// The bar chart of the statistics page: letters received and replied per month, as an SVG image whose title and
/// description name it and point to the table beneath, which holds the same figures for those who cannot see it.
/// </summary>
public static class LetterChart
{
    private const int Width = 720, Height = 300, Left = 48, Top = 40, Bottom = 40, Right = 16;
    public const string ReceivedColour = "#1f5fa8";
    public const string RepliedColour = "#b35900";

    public static string Svg(LetterStatisticsFigures statistics)
    {
        var months = statistics.Months;
        var max = Math.Max(1, months.Select(m => Math.Max(m.Received, m.Replied)).DefaultIfEmpty(0).Max());
        var plotHeight = Height - Top - Bottom;
        var slot = (Width - Left - Right) / (double)Math.Max(1, months.Count);
        var bar = Math.Min(24, slot / 3);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"letter-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" "))
            .Append("aria-labelledby=\"letter-chart-title letter-chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<title id=\"letter-chart-title\">").Append(statistics.Year).Append("年各月收信和答复件数</title>")
            .Append("<desc id=\"letter-chart-desc\">柱状图，蓝色为收信件数，橙色为答复件数；")
            .Append("各月的具体数字见下方表格。</desc>");
        // The legend, in words beside each colour.
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"10\" width=\"14\" height=\"14\" fill=\"{ReceivedColour}\"/>"))
            .Append(Invariant($"<text x=\"{Left + 20}\" y=\"22\" font-size=\"14\" fill=\"#1f2328\">收信</text>"))
            .Append(Invariant($"<rect x=\"{Left + 70}\" y=\"10\" width=\"14\" height=\"14\" "))
            .Append(Invariant($"fill=\"{RepliedColour}\"/>"))
            .Append(Invariant($"<text x=\"{Left + 90}\" y=\"22\" font-size=\"14\" fill=\"#1f2328\">答复</text>"));
        var baseline = Top + plotHeight;
        svg.Append(Invariant(
            $"<line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Width - Right}\" y2=\"{baseline}\" stroke=\"#1f2328\"/>"));
        svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + 5}\" font-size=\"12\" text-anchor=\"end\" "))
            .Append(Invariant($"fill=\"#1f2328\">{max}</text>"))
            .Append(Invariant($"<text x=\"{Left - 6}\" y=\"{baseline}\" font-size=\"12\" text-anchor=\"end\" "))
            .Append("fill=\"#1f2328\">0</text>");
        for (var i = 0; i < months.Count; i++)
        {
            var x = Left + i * slot + (slot - 2 * bar) / 2;
            Bar(svg, x, bar, months[i].Received, max, plotHeight, baseline, ReceivedColour);
            Bar(svg, x + bar, bar, months[i].Replied, max, plotHeight, baseline, RepliedColour);
            svg.Append(Invariant($"<text x=\"{x + bar:0.#}\" y=\"{baseline + 18}\" font-size=\"12\" "))
                .Append("text-anchor=\"middle\" fill=\"#1f2328\">").Append(WebUtility.HtmlEncode(months[i].Label))
                .Append("</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static void Bar(StringBuilder svg, double x, double width, int value, int max, int plotHeight,
        int baseline, string colour)
    {
        var height = plotHeight * (double)value / max;
        svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{baseline - height:0.#}\" width=\"{width:0.#}\" "))
            .Append(Invariant($"height=\"{height:0.#}\" fill=\"{colour}\"/>"));
        if (value > 0)
            svg.Append(Invariant($"<text x=\"{x + width / 2:0.#}\" y=\"{baseline - height - 4:0.#}\" "))
                .Append(Invariant($"font-size=\"11\" text-anchor=\"middle\" fill=\"#1f2328\">{value}</text>"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
