using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace GovPortal.BackOffice.Health;

/// <summary>
/// The dashboard's bar chart of problems per run, drawn as inline SVG (no script); the table beside it says the same in
/// words.
/// </summary>
public static class TrendChart
{
    private const int Bar = 24, Height = 100;

    public static MarkupString Svg(IReadOnlyList<(DateTime At, int Problems, int SingleVeto)> trend)
    {
        var max = Math.Max(1, trend.Max(t => t.Problems));
        var width = trend.Count * Bar;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg role=\"img\" aria-labelledby=\"trend-title\" viewBox=\"0 0 {width} 130\" width=\"{width}\" " +
            $"height=\"130\" class=\"trend\">");
        svg.Append("<title id=\"trend-title\">问题数量趋势，详见下表</title>");
        for (var i = 0; i < trend.Count; i++)
        {
            var (_, problems, veto) = trend[i];
            int all = (int)Math.Round((double)Height * problems / max),
                single = (int)Math.Round((double)Height * veto / max);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{i * Bar + 4}\" y=\"{110 - all}\" width=\"16\" height=\"{all}\" fill=\"#1f6feb\"></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{i * Bar + 4}\" y=\"{110 - single}\" width=\"16\" height=\"{single}\" " +
                $"fill=\"#a40e26\"></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{i * Bar + 12}\" y=\"125\" font-size=\"10\" text-anchor=\"middle\" " +
                $"fill=\"#1f2328\">{problems}</text>");
        }
        return new MarkupString(svg.Append("</svg>").ToString());
    }
}
