using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using GovPortal.Chinese;

namespace GovPortal.Data.Demo;

/// <summary>The seed article recovered from the captured (mirrored, Traditional, tampered) page.</summary>
public sealed record SeedArticle(
    string ChannelPath,
    string Title,
    string Source,
    DateTime PublishedAtUtc,
    IReadOnlyList<string> Paragraphs,
    string Author);

/// <summary>
/// Reads the captured page by its structure: breadcrumb, title, meta line, then body paragraphs up to 相关文件.
/// Everything after the page furniture (including the injected spam line) is not article content and is never read.
/// </summary>
public static partial class SeedArticleReader
{
    [GeneratedRegex(@"来源[:：]\s*(?<source>\S+)\s+发布日期[:：]\s*(?<date>\d{4}-\d{2}-\d{2} \d{2}:\d{2})")]
    private static partial Regex MetaLine();

    [GeneratedRegex(@"（(?<source>[^（）\s]+)\s+(?<author>[^（）\s]+)）$")]
    private static partial Regex TrailingByline();

    public static string ReadEmbeddedCapture()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GovPortal.Demo.seed-capture.txt")
            ?? throw new InvalidOperationException("seed-capture.txt is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static SeedArticle Read(string capture, ChineseConverter converter)
    {
        var lines = capture.Replace("\r", "").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select(line => converter.ToSimplified(
                MirrorTextCleaner.UseFullWidthPunctuation(MirrorTextCleaner.RemovePinyinReadings(line))))
            .ToList();

        var breadcrumbIndex = lines.FindIndex(l => l.StartsWith("当前位置", StringComparison.Ordinal));
        var metaIndex = lines.FindIndex(l => MetaLine().IsMatch(l));
        var filesIndex = lines.FindIndex(l => l == "相关文件");
        if (breadcrumbIndex < 0 || metaIndex != breadcrumbIndex + 2 || filesIndex <= metaIndex + 1)
            throw new FormatException("The captured page does not have the expected article structure.");

        var crumbs = lines[breadcrumbIndex][(lines[breadcrumbIndex].IndexOfAny([':', '：']) + 1)..]
            .Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var meta = MetaLine().Match(lines[metaIndex]);
        var local = DateTime.ParseExact(meta.Groups["date"].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var paragraphs = lines.GetRange(metaIndex + 1, filesIndex - metaIndex - 1);
        var author = "";
        var byline = TrailingByline().Match(paragraphs[^1]);
        if (byline.Success)
        {
            author = byline.Groups["author"].Value;
            paragraphs[^1] = paragraphs[^1][..byline.Index];
        }

        return new SeedArticle(
            ChannelPath: string.Join(" > ", crumbs.Skip(1)),
            Title: lines[breadcrumbIndex + 1],
            Source: meta.Groups["source"].Value,
            PublishedAtUtc: Content.ChinaTime.ToUtc(local.Year, local.Month, local.Day, local.Hour, local.Minute),
            Paragraphs: paragraphs,
            Author: author);
    }
}
