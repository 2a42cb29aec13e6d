using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Workflow;
using GovPortal.Chinese;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Publishing;
using GovPortal.Safety;
using GovPortal.Safety.Scanning;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// 迁移: brings the articles of a site's old system in from a folder of its saved pages. Each page is read (title,
/// 发布日期, 来源, body, attachments, channel from the breadcrumb), repaired (mirror artefacts, Traditional script),
/// checked (a page with a blocking finding is flagged and not imported at all), and made into an article as the back
/// office makes one: a first revision, sanitized body, related files in the upload store. With
/// <see cref="ImportOptions.Publish"/> they are published through the site's publisher with their old dates, and
/// their old addresses answer 301. A page imported before (by path, or by content under another path) is imported
/// once only.
/// </summary>
public sealed class SiteImporter(
    DatabaseOptions database,
    ISitePublishers publishers,
    UploadStore uploads,
    RichTextSanitizer sanitizer,
    ArticleChecks checks,
    PageScanner scanner,
    ChineseConverter converter,
    ContentKinds kinds,
    AuditLog audit,
    TimeProvider time)
{
    // Findings about the old template's own furniture (its statistics script, a share widget, a base address): that
    // furniture is not imported, so it is no reason to hold an article back. Spam, hidden links and redirects are.
    private static readonly HashSet<string> FurnitureCategories = ["外部脚本", "外部框架", "外部链接基址"];

    /// <summary>A body shorter than this (characters, blanks removed) is no article.</summary>
    public const int MinimumBodyLength = 10;

    public async Task<ImportResult> RunAsync(ImportOptions options, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Directory));
        if (!Directory.Exists(root)) throw new ImportException($"找不到旧网站的目录 {root}。");
        var run = await ImportRun.StartAsync(database, options, cancellationToken);
        using var scope = SiteScope.Enter(new ScopedSite(run.Site.Id, run.Site.Code));

        var repair = new MirrorTextRepair(converter);
        var html = new HtmlPageReader(repair);
        var text = new TextCaptureReader(repair);
        var attachments = new AttachmentFiles(uploads);
        var rows = new List<ImportRow>();
        foreach (var (file, oldPath) in MirrorFolder.Pages(root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                rows.Add(await ImportPageAsync(run, root, file, oldPath, html, text, attachments, options,
                    cancellationToken));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException
                or ArgumentException or InvalidOperationException && e is not ObjectDisposedException)
            {
                // One unreadable page is reported; the others are still imported.
                rows.Add(Skipped(oldPath, ImportSkip.Unreadable, $"无法读取：{e.Message}"));
            }
        }

        if (options.Publish && rows.Any(r => r.Outcome == ImportOutcome.Imported))
            await publishers.For(run.Site.Code).PublishAllAsync(cancellationToken);
        rows = await WithAddressesAsync(rows, cancellationToken);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.ReportFile))!);
        await File.WriteAllBytesAsync(options.ReportFile, ImportReport.Csv(rows), cancellationToken);
        var result = new ImportResult(rows, Path.GetFullPath(options.ReportFile), watch.Elapsed);
        await audit.WriteAsync("", null, AuditActions.SiteImported, $"网站 {run.Site.Code}",
            $"从 {root} 迁移旧网站{(options.RunBy.Length > 0 ? $"（命令行，操作系统用户 {options.RunBy}）" : "")}：" +
            $"共 {rows.Count} 个页面，导入 {result.Imported} 篇（{(options.Publish ? "已发布" : "草稿")}），" +
            $"跳过 {result.Skipped} 个，拦截 {result.Flagged} 个；报告 {result.ReportFile}", cancellationToken);
        return result;
    }

    private async Task<ImportRow> ImportPageAsync(ImportRun run, string root, string file, string oldPath,
        HtmlPageReader html, TextCaptureReader text, AttachmentFiles attachments, ImportOptions options,
        CancellationToken cancellationToken)
    {
        if (run.ArticleOfPath.TryGetValue(oldPath, out var known))
            return Skipped(oldPath, ImportSkip.AlreadyImported, $"此前已导入（文章 {known}）") with { ArticleId = known };
        if (oldPath.Length > ImportedPage.MaxPathLength)
            return Skipped(oldPath, ImportSkip.Unreadable, $"旧地址超过 {ImportedPage.MaxPathLength} 个字符");

        var (content, encoding) = PageDecoding.Decode(await File.ReadAllBytesAsync(file, cancellationToken));
        var isCapture = file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
        var page = isCapture ? text.Read(content) : html.Read(content);
        var row = new ImportRow(oldPath, ImportOutcome.Skipped, "")
        {
            Title = page.Title ?? "", PublishedAtUtc = page.PublishedAtUtc, Encoding = encoding,
        };

        // The whole page is checked, not only the body: injected spam sits in the furniture around it too.
        var findings = scanner.Scan(page.Scanned, page.ScannedIsHtml, run.AllowedHosts, run.Site.Code)
            .Where(f => f.Severity == Severity.Block && !FurnitureCategories.Contains(f.Category)).ToList();
        if (findings.Count > 0) return row with { Outcome = ImportOutcome.Flagged, Reason = Describe(findings) };
        if (string.IsNullOrWhiteSpace(page.Title))
            return row with { Skip = ImportSkip.NoTitle, Reason = "找不到标题" };
        if (page.PublishedAtUtc is not { } publishedAt)
            return row with { Skip = ImportSkip.NoDate, Reason = "找不到发布日期" };
        if (page.BodyText.Length < MinimumBodyLength)
            return row with { Skip = ImportSkip.NoBody, Reason = "找不到正文" };
        var (channel, channelProblem) = run.Channels.Match(page.Crumbs);
        channel ??= run.FallbackChannel;
        if (channel is null) return row with { Skip = ImportSkip.NoChannel, Reason = channelProblem! };
        row = row with { Channel = run.Tree.PathOf(channel.Id) };

        string body;
        try
        {
            body = sanitizer.Sanitize(page.BodyHtml);
        }
        catch (RichTextRefusedException e)
        {
            return row with { Skip = ImportSkip.Unreadable, Reason = e.Message };
        }
        var title = Clip(page.Title.Trim(), 300);
        var hash = ContentHash(title, publishedAt, page.BodyText);
        var redirects = OldAddressPatterns.IsArticleAddress(oldPath);
        if (run.PageOfContent.TryGetValue(hash, out var first))
        {
            // The same article under another address: imported once; this address leads to it as well.
            await RecordAsync(run, oldPath, hash, first.ArticleId, redirects, cancellationToken);
            return row with
            {
                Skip = ImportSkip.Duplicate, Reason = $"与 {first.OldPath} 重复", ArticleId = first.ArticleId,
            };
        }

        var now = time.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            SiteId = run.Site.Id, ChannelId = channel.Id, Kind = NewsKind.Key, Title = title,
            Source = Clip(page.Source, 100), BodyHtml = body,
            PublishedAtUtc = ChinaTime.TruncateToMinute(publishedAt),
            Status = options.Publish ? ArticleStatus.Published : ArticleStatus.Draft, UpdatedAtUtc = now,
        };
        var articleFindings = checks.CheckRevision(article, run.Site).Where(f => f.Severity == Severity.Block).ToList();
        if (articleFindings.Count > 0)
            return row with { Outcome = ImportOutcome.Flagged, Reason = Describe(articleFindings) };

        var (files, notes) = attachments.Store(root, file, page.Attachments);
        article.RelatedFiles.AddRange(files);
        if (!redirects) notes.Add("旧地址不是常见的文章地址格式，不设跳转");
        var articleId = await SaveAsync(article, options.Publish, now, cancellationToken);
        await RecordAsync(run, oldPath, hash, articleId, redirects, cancellationToken);
        run.PageOfContent[hash] = (oldPath, articleId);
        return row with
        {
            Outcome = ImportOutcome.Imported, Reason = options.Publish ? "已发布" : "草稿", ArticleId = articleId,
            Attachments = files.Count, Notes = string.Join("；", notes),
        };
    }

    /// <summary>The article with its first revision, as the back office's 新建 makes them.</summary>
    private async Task<int> SaveAsync(Article article, bool publish, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        var revision = new Revision
        {
            ArticleId = article.Id, SiteId = article.SiteId, Number = 1, Title = "",
            State = publish ? RevisionState.Published : RevisionState.Draft,
            CreatedBy = "", CreatedAtUtc = now, UpdatedAtUtc = now, PublishedAtUtc = publish ? now : null,
            Files = article.RelatedFiles.Select(RevisionFile.From).ToList(),
        };
        kinds.Of(article).Copy(article, revision);
        db.Revisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return article.Id;
    }

    private async Task RecordAsync(ImportRun run, string oldPath, string hash, int articleId, bool redirects,
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        db.ImportedPages.Add(new ImportedPage
        {
            SiteId = run.Site.Id, OldPath = oldPath, ContentSha256 = hash, ArticleId = articleId,
            Redirects = redirects, ImportedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        run.ArticleOfPath[oldPath] = articleId;
    }

    /// <summary>Each row's article's address, now that the publisher has given the published ones theirs.</summary>
    private async Task<List<ImportRow>> WithAddressesAsync(List<ImportRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => r.ArticleId is not null).Select(r => r.ArticleId!.Value).Distinct().ToList();
        await using var db = database.CreateContext();
        var urls = await db.Articles.Where(a => ids.Contains(a.Id) && a.Url != null)
            .Select(a => new { a.Id, a.Url }).ToDictionaryAsync(a => a.Id, a => a.Url!, cancellationToken);
        return rows.Select(r => r.ArticleId is { } id && urls.TryGetValue(id, out var url)
            ? r with { NewAddress = url }
            : r).ToList();
    }

    /// <summary>SHA-256 of title, date and body text: equal for the same article saved under two addresses.</summary>
    public static string ContentHash(string title, DateTime publishedAtUtc, string bodyText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{PageFields.Compact(title)}\n{ChinaTime.Format(publishedAtUtc)}\n{bodyText}")));

    private static ImportRow Skipped(string oldPath, ImportSkip skip, string reason) =>
        new(oldPath, ImportOutcome.Skipped, reason) { Skip = skip };

    private static string Describe(IEnumerable<Finding> findings) => string.Join("；", findings
        .Select(f => $"{f.Category}：{f.Message}「{f.Excerpt}」").Distinct().Take(3));

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
