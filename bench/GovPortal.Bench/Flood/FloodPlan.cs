using System.Globalization;

namespace GovPortal.Bench.Flood;

/// <summary>One phase of a flood: a name, how long, and the rate as a multiple of the base rate.</summary>
public sealed record FloodPhase(string Name, TimeSpan Duration, double Multiple)
{
    /// <summary>"warm-up:20:1,steady:600:1,burst:45:10,recovery:30:1": name, seconds, multiple of the base rate.
    /// </summary>
    public static IReadOnlyList<FloodPhase> ParseAll(string text) => text.Split(',').Select(part =>
    {
        var fields = part.Split(':');
        if (fields.Length != 3) throw new FormatException($"phase '{part}' is not name:seconds:multiple");
        return new FloodPhase(fields[0], TimeSpan.FromSeconds(double.Parse(fields[1], CultureInfo.InvariantCulture)),
            double.Parse(fields[2], CultureInfo.InvariantCulture));
    }).ToList();
}

/// <summary>The kinds of request of the mix, each measured on its own.</summary>
public enum FloodClass
{
    Page,
    Variant,
    Asset,
    Missing,
    Search,
    Hit,
    FormPage,
    FormPost,
}

/// <summary>The mix of mixed traffic: how many of every thousand requests are of each class.</summary>
public static class FloodMix
{
    public static readonly IReadOnlyList<(FloodClass Class, int PerThousand, string Label)> Shares =
    [
        (FloodClass.Page, 380, "published page (home, list, article)"),
        (FloodClass.Variant, 100, "适老版 and 繁體 page"),
        (FloodClass.Asset, 100, "static asset (css, js)"),
        (FloodClass.Missing, 20, "missing page (404 page)"),
        (FloodClass.Search, 150, "search (/search, /elder/search, /api/search)"),
        (FloodClass.Hit, 200, "view count (POST /api/hits/{id})"),
        (FloodClass.FormPage, 42, "form page (信箱, 依申请公开)"),
        (FloodClass.FormPost, 8, "form post (GET form, POST with its token)"),
    ];

    public static FloodClass Pick(Random random)
    {
        var n = random.Next(1000);
        foreach (var (kind, share, _) in Shares)
        {
            if (n < share) return kind;
            n -= share;
        }
        return FloodClass.Page;
    }

    public static string Label(FloodClass kind) => Shares.First(s => s.Class == kind).Label;

    /// <summary>The status an ordinary answer has; anything else is shed (429, 503) or an error.</summary>
    public static int Expected(FloodClass kind) => kind == FloodClass.Missing ? 404 : 200;
}
