using System.Diagnostics;
using GovPortal.Chinese;
using GovPortal.Safety.Scanning;
using Xunit.Abstractions;

namespace GovPortal.Tests.Safety;

/// <summary>
/// Precision of the content checks, measured on the corpus: no legitimate enforcement news is blocked (false alarm),
/// no spam or 暗链 sample gets through (miss). Text samples are checked both as an article body (the publish and
/// 提交审核 gate) and as plain text (citizens' letters and comments); HTML samples as an article body.
/// </summary>
public sealed class ContentSafetyCorpusTests(ITestOutputHelper output)
{
    private static readonly ChineseConverter Converter = new(ChineseConverter.DefaultDictionaryDirectory);
    private static readonly PageScanner Scanner = new(Converter);
    private static readonly IReadOnlySet<string> SiteHosts = new HashSet<string> { "szxc.gov.cn" };

    [Fact]
    public void The_corpus_holds_at_least_200_samples_of_each_kind_with_distinct_labels()
    {
        Assert.True(SafetyCorpus.Legitimate.Count >= 200, $"正常样本只有 {SafetyCorpus.Legitimate.Count} 条");
        Assert.True(SafetyCorpus.Spam.Count >= 200, $"垃圾信息样本只有 {SafetyCorpus.Spam.Count} 条");
        var all = SafetyCorpus.Legitimate.Concat(SafetyCorpus.Spam).ToList();
        Assert.All(all, s => Assert.False(string.IsNullOrWhiteSpace(s.Label) || s.Lines.Count == 0, s.ToString()));
        var repeated = all.GroupBy(s => s.Label).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "标签重复：" + string.Join("，", repeated));
        Assert.Contains(SafetyCorpus.Legitimate, s => s.Html);
        Assert.Contains(SafetyCorpus.Spam, s => s.Html);
    }

    [Fact]
    public void No_legitimate_sample_raises_a_blocking_finding()
    {
        var falseAlarms = new List<string>();
        var checks = 0;
        foreach (var sample in SafetyCorpus.Legitimate)
            foreach (var (way, findings) in Scans(sample))
            {
                checks++;
                var blocking = findings.Where(f => f.Severity == Severity.Block).ToList();
                if (blocking.Count > 0)
                    falseAlarms.Add($"{sample}（{way}）：" + string.Join("；",
                        blocking.Select(f => $"{f.Category} {f.Message}「{f.Excerpt}」")));
            }
        output.WriteLine($"正常样本 {SafetyCorpus.Legitimate.Count} 条，检查 {checks} 次，误报 {falseAlarms.Count} 次。");
        Assert.True(falseAlarms.Count == 0, $"误报 {falseAlarms.Count} 次：\n" + string.Join("\n", falseAlarms));
    }

    [Fact]
    public void Every_spam_sample_raises_a_blocking_finding()
    {
        var misses = new List<string>();
        var checks = 0;
        foreach (var sample in SafetyCorpus.Spam)
            foreach (var (way, findings) in Scans(sample))
            {
                checks++;
                if (!findings.Any(f => f.Severity == Severity.Block))
                    misses.Add($"{sample}（{way}）：{string.Join(" ", sample.Lines)}");
            }
        output.WriteLine($"垃圾信息样本 {SafetyCorpus.Spam.Count} 条，检查 {checks} 次，漏报 {misses.Count} 次。");
        Assert.True(misses.Count == 0, $"漏报 {misses.Count} 次：\n" + string.Join("\n", misses));
    }

    [Fact]
    public void The_whole_corpus_is_scanned_quickly()
    {
        var samples = SafetyCorpus.Legitimate.Concat(SafetyCorpus.Spam).ToList();
        foreach (var sample in samples.Take(20)) _ = Scans(sample).ToList(); // warm up
        var clock = Stopwatch.StartNew();
        foreach (var sample in samples) _ = Scans(sample).ToList();
        clock.Stop();
        output.WriteLine($"{samples.Count} 条样本用时 {clock.ElapsedMilliseconds} ms。");
        // Generous for a shared build machine; a few milliseconds per sample on an idle one.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"用时 {clock.Elapsed}");
    }

    [Theory]
    [InlineData("视频")]
    [InlineData("澳门赌场百家乐")]
    [InlineData("打击赌博百家乐，")]
    [InlineData("一 区 ")]
    [InlineData("<a href=\"http://a.example/\">百家乐</a>")]
    public void Long_hostile_input_is_scanned_in_linear_time(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 200_000 / unit.Length));
        var clock = Stopwatch.StartNew();
        _ = Scanner.Scan(text, isHtml: false, SiteHosts);
        _ = Scanner.Scan("<p>" + text + "</p>", isHtml: true, SiteHosts);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{unit}：用时 {clock.Elapsed}");
    }

    private static IEnumerable<(string Way, IReadOnlyList<Finding> Findings)> Scans(SafetyCorpus.Sample sample)
    {
        yield return ("正文", Scanner.Scan(sample.ArticleBody, isHtml: true, SiteHosts));
        if (!sample.Html) yield return ("纯文本", Scanner.Scan(sample.Text, isHtml: false, SiteHosts));
    }
}
