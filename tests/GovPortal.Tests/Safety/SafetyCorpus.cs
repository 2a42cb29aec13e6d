using System.Net;
using System.Text.Json;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Safety;

/// <summary>
/// The content-safety corpus (Safety/Corpus/*.json): legitimate enforcement news that must pass, and spam and 暗链
/// that must be stopped. One sample per entry, with a label saying what it tests.
/// </summary>
public static class SafetyCorpus
{
    public sealed record Sample(string File, string Label, bool Html, IReadOnlyList<string> Lines)
    {
        public string Text => string.Join("\n", Lines);

        /// <summary>As an article body: HTML as stored, or each line of text as an encoded paragraph.</summary>
        public string ArticleBody => Html
            ? Text
            : string.Concat(Lines.Select(line => "<p>" + WebUtility.HtmlEncode(line) + "</p>\n"));

        public override string ToString() => $"{File}「{Label}」";
    }

    private sealed record Entry(string Label, bool Html, List<string> Lines);

    private sealed record CorpusFile(string Description, List<Entry> Samples);

    public static string Folder => Path.Combine(Repository.Root, "tests", "GovPortal.Tests", "Safety", "Corpus");

    public static IReadOnlyList<Sample> Legitimate { get; } = Load("legitimate-");

    public static IReadOnlyList<Sample> Spam { get; } = Load("spam-");

    private static List<Sample> Load(string prefix)
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        return Directory.GetFiles(Folder, prefix + "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(path =>
            {
                var file = JsonSerializer.Deserialize<CorpusFile>(File.ReadAllText(path), options)
                    ?? throw new InvalidDataException(path);
                return file.Samples.Select(e => new Sample(Path.GetFileName(path), e.Label, e.Html, e.Lines));
            })
            .ToList();
    }
}
