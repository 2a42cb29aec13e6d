using System.Net;
using System.Text;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Import;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GovPortal.Tests.Import;

/// <summary>迁移: a generated mirror of an old site imported with --publish, twice, into the demo site.</summary>
public sealed class ImportTests(ImportFixture fixture, ITestOutputHelper output) : IClassFixture<ImportFixture>
{
    private RunningPortal Portal => fixture.Portal;

    private Dictionary<string, ImportRow> Rows => fixture.First.Rows.ToDictionary(r => r.OldPath);

    private IEnumerable<PageTruth> Imported => fixture.Truth.Where(t => t.Outcome == ImportOutcome.Imported);

    [Fact]
    public void Every_page_has_the_outcome_its_truth_says_and_the_counts_agree()
    {
        output.WriteLine($"{fixture.Truth.Count} pages imported in {fixture.FirstRunTime.TotalSeconds:0.0} s " +
                         $"(second run {fixture.Second.Elapsed.TotalSeconds:0.0} s)");
        var rows = Rows;
        Assert.Equal(fixture.Truth.Count, rows.Count);
        var wrong = fixture.Truth
            .Where(t => !rows.TryGetValue(t.OldPath, out var row) || row.Outcome != t.Outcome || row.Skip != t.Skip)
            .Select(t => $"{t.OldPath}: expected {t.Outcome}/{t.Skip}, got " +
                         (rows.TryGetValue(t.OldPath, out var row) ? $"{row.Outcome}/{row.Skip} {row.Reason}" : "none"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        foreach (var outcome in Enum.GetValues<ImportOutcome>())
            Assert.Equal(fixture.Truth.Count(t => t.Outcome == outcome),
                fixture.First.Rows.Count(r => r.Outcome == outcome));
        // The mirror holds every case it should.
        Assert.All(Enum.GetValues<ImportSkip>()
                .Except([ImportSkip.None, ImportSkip.AlreadyImported, ImportSkip.Unreadable]),
            skip => Assert.Contains(fixture.Truth, t => t.Skip == skip));
        Assert.True(fixture.Truth.Count(t => t.Outcome == ImportOutcome.Flagged) >= 10);
    }

    [Fact]
    public async Task Imported_articles_have_their_title_date_channel_source_body_and_attachments()
    {
        var rows = Rows;
        await using var db = Portal.Service<DatabaseOptions>().CreateContext();
        var tree = new ChannelTree(await db.Channels.AsNoTracking().ToListAsync());
        var wrong = new List<string>();
        foreach (var truth in Imported)
        {
            var id = rows[truth.OldPath].ArticleId!.Value;
            var article = await db.Articles.Include(a => a.RelatedFiles).AsNoTracking().FirstAsync(a => a.Id == id);
            var body = WebUtility.HtmlDecode(article.BodyHtml);
            if (article.Title != truth.Title) wrong.Add($"{truth.OldPath}: title {article.Title} ≠ {truth.Title}");
            if (article.PublishedAtUtc != truth.PublishedAtUtc)
                wrong.Add($"{truth.OldPath}: date {article.PublishedAtUtc:u} ≠ {truth.PublishedAtUtc:u}");
            if (tree.PathOf(article.ChannelId) != truth.ChannelPath)
                wrong.Add($"{truth.OldPath}: channel {tree.PathOf(article.ChannelId)} ≠ {truth.ChannelPath}");
            if (article.Source != truth.Source) wrong.Add($"{truth.OldPath}: source {article.Source} ≠ {truth.Source}");
            if (!body.Contains(truth.BodyProbe)) wrong.Add($"{truth.OldPath}: body lacks {truth.BodyProbe}");
            if (!article.RelatedFiles.OrderBy(f => f.SortOrder).Select(f => f.DisplayName)
                    .SequenceEqual(truth.Attachments))
                wrong.Add($"{truth.OldPath}: files " +
                          string.Join("、", article.RelatedFiles.Select(f => f.DisplayName)));
            if (article.Status != ArticleStatus.Published || article.SiteId != 1)
                wrong.Add($"{truth.OldPath}: {article.Status} on site {article.SiteId}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        // Each has its first revision, as the back office makes it, with the same files.
        var ids = Imported.Select(t => rows[t.OldPath].ArticleId!.Value).ToList();
        var revisions = await db.Revisions.Include(r => r.Files).AsNoTracking()
            .Where(r => ids.Contains(r.ArticleId)).ToListAsync();
        Assert.Equal(ids.Count, revisions.Count);
        Assert.All(revisions, r => Assert.Equal((1, 1), (r.Number, r.SiteId)));
        Assert.Contains(revisions, r => r.Files.Count == 2);
        // The attachments are in the upload store.
        var stored = await db.RelatedFiles.Where(f => ids.Contains(f.ArticleId)).Select(f => f.StoredName)
            .ToListAsync();
        Assert.NotEmpty(stored);
        var uploads = Portal.Settings.Paths.UploadsDirectory;
        Assert.All(stored, name => Assert.True(File.Exists(Path.Combine(uploads, name))));
    }

    [Fact]
    public void Gbk_pages_and_pages_in_Traditional_script_with_pinyin_are_read_as_they_were_written()
    {
        // Both kinds of GBK page (declared, and only invalid as UTF-8) and the repaired pages are among the
        // imported ones, whose text the test above compares with the truth.
        Assert.True(Imported.Count(t => t.Gbk) >= 4);
        Assert.All(Imported.Where(t => t.Gbk), t => Assert.Equal("GB18030", Rows[t.OldPath].Encoding));
        Assert.True(Imported.Count(t => t.Traditional) >= 4);
        Assert.Contains(Imported, t => t.OldPath == "captures/seed-clean.txt");
    }

    [Fact]
    public async Task A_duplicate_is_reported_with_the_page_it_repeats_and_its_old_address_leads_to_the_same_article()
    {
        var rows = Rows;
        var duplicates = fixture.Truth.Where(t => t.Skip == ImportSkip.Duplicate).ToList();
        Assert.NotEmpty(duplicates);
        foreach (var duplicate in duplicates)
        {
            var row = rows[duplicate.OldPath];
            Assert.Equal($"与 {duplicate.DuplicateOf} 重复", row.Reason);
            Assert.Equal(rows[duplicate.DuplicateOf!].ArticleId, row.ArticleId);
        }
        var (status, location) = await GetAsync("/" + duplicates[0].OldPath);
        Assert.Equal(HttpStatusCode.MovedPermanently, status);
        Assert.Equal(rows[duplicates[0].DuplicateOf!].NewAddress, location);
    }

    [Fact]
    public async Task A_page_with_spam_is_flagged_never_imported_never_published_and_not_found_by_search()
    {
        var rows = Rows;
        var seed = rows["captures/seed.txt"];
        Assert.Equal(ImportOutcome.Flagged, seed.Outcome);
        Assert.Contains("色情", seed.Reason);
        Assert.Contains(fixture.Truth,
            t => t.Outcome == ImportOutcome.Flagged && rows[t.OldPath].Reason.Contains("隐藏"));
        var flagged = fixture.Truth.Where(t => t.Outcome == ImportOutcome.Flagged && t.Title.Length > 0).ToList();
        await using var db = Portal.Service<DatabaseOptions>().CreateContext();
        foreach (var page in flagged.Where(p => p.OldPath != "captures/seed.txt"))
        {
            Assert.Null(rows[page.OldPath].ArticleId);
            Assert.False(await db.Articles.AnyAsync(a => a.Title == page.Title), page.Title);
            Assert.DoesNotContain(page.Title, await SearchHitsAsync(page.Title));
        }
        // Nothing of theirs is on disk in the output.
        var output = Directory.EnumerateFiles(Portal.Output.PublicDirectory, "*.html", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToList();
        Assert.DoesNotContain(output, page => page.Contains("国产不卡") || page.Contains("澳门新葡京"));
        // An imported page is found, in the same search.
        var found = Imported.First(t => t.OldPath.StartsWith("xwzx/", StringComparison.Ordinal));
        Assert.Contains(found.Title, await SearchHitsAsync(found.Title));
    }

    [Fact]
    public async Task Published_pages_are_on_disk_and_old_addresses_answer_301_while_unknown_ones_stay_404()
    {
        var rows = Rows;
        foreach (var truth in Imported)
        {
            var address = rows[truth.OldPath].NewAddress;
            Assert.StartsWith("/" + truth.ChannelPath + "/", address);
            Assert.Contains(WebUtility.HtmlEncode(truth.Title), await File.ReadAllTextAsync(
                Portal.Output.FullPathOf(address.TrimStart('/')), Encoding.UTF8));
        }
        // Each layout's old address leads to the new one, through the public server.
        foreach (var prefix in new[] { "xwzx/", "art/", "info/" })
        {
            var truth = Imported.First(t => t.OldPath.StartsWith(prefix, StringComparison.Ordinal)
                && t.OldPath != fixture.ShadowedAddress.TrimStart('/'));
            var (status, location) = await GetAsync("/" + truth.OldPath);
            Assert.Equal(HttpStatusCode.MovedPermanently, status);
            Assert.Equal(rows[truth.OldPath].NewAddress, location);
            var (pageStatus, page) = await GetBodyAsync(location!);
            Assert.Equal(HttpStatusCode.OK, pageStatus);
            Assert.Contains(WebUtility.HtmlEncode(truth.Title), page);
        }
        Assert.Contains(Imported, t => t.OldPath.Contains("/content_", StringComparison.Ordinal)
            && rows[t.OldPath].Notes.Length == 0);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/art/2099/1/1/art_1_1.html")).Status);
        var flagged = fixture.Truth.First(t =>
            t.Outcome == ImportOutcome.Flagged && t.OldPath.StartsWith("art/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/" + flagged.OldPath)).Status);

        // A published page of the new site is never shadowed by an old address.
        Assert.Equal(ImportOutcome.Imported, rows[fixture.ShadowedAddress.TrimStart('/')].Outcome);
        var (shadowStatus, shadowed) = await GetBodyAsync(fixture.ShadowedAddress);
        Assert.Equal(HttpStatusCode.OK, shadowStatus);
        Assert.DoesNotContain(WebUtility.HtmlEncode(
            fixture.Truth.First(t => t.OldPath == fixture.ShadowedAddress.TrimStart('/')).Title), shadowed);
    }

    [Theory]
    [InlineData("TRS", @"^xwzx/[a-z]+/\d{6}/t\d{8}_\d+\.html$")]
    [InlineData("Hanweb", @"^art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html$")]
    [InlineData("content_N", @"^(xwzx/[a-z]+|zcwj)/content_\d+\.html$")]
    [InlineData("博达", @"^info/\d+/\d+\.htm$")]
    public async Task An_old_address_of_each_layout_answers_301_to_its_new_article_page_which_answers_200(
        string layout, string pattern)
    {
        var rows = Rows;
        // A page the generator imported under its own address (not one shadowed by a new page, not a duplicate).
        var truth = Imported.FirstOrDefault(t => System.Text.RegularExpressions.Regex.IsMatch(t.OldPath, pattern)
            && t.OldPath != fixture.ShadowedAddress.TrimStart('/'));
        Assert.True(truth is not null, $"the mirror has no imported {layout} page");

        var (status, location) = await GetAsync("/" + truth.OldPath);
        Assert.Equal(HttpStatusCode.MovedPermanently, status);
        Assert.Equal(rows[truth.OldPath].NewAddress, location);
        Assert.StartsWith("/" + truth.ChannelPath + "/", location);
        var (pageStatus, page) = await GetBodyAsync(location!);
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Contains($">{WebUtility.HtmlEncode(truth.Title)}</h1>", page);

        // A browser following the redirect lands on the same page.
        using var browser = new HttpClient { BaseAddress = Portal.Address };
        using var followed = await browser.GetAsync("/" + truth.OldPath);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(location, followed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(page, await followed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Running_the_import_again_imports_nothing_twice()
    {
        var second = fixture.Second;
        Assert.Equal(0, second.Imported);
        Assert.Equal(fixture.Truth.Count, second.Rows.Count);
        var before = fixture.First.Rows.ToDictionary(r => r.OldPath);
        foreach (var row in second.Rows)
        {
            var first = before[row.OldPath];
            if (first.ArticleId is { } id)
                Assert.Equal((ImportSkip.AlreadyImported, (int?)id), (row.Skip, row.ArticleId));
            else Assert.Equal((first.Outcome, first.Skip), (row.Outcome, row.Skip));
        }
        await using var db = Portal.Service<DatabaseOptions>().CreateContext();
        Assert.Equal(fixture.First.Imported, await db.Revisions.CountAsync(r =>
            db.ImportedPages.Any(i => i.ArticleId == r.ArticleId)));
        Assert.Equal(fixture.First.Imported + fixture.Truth.Count(t => t.Skip == ImportSkip.Duplicate),
            await db.ImportedPages.CountAsync());
        // Each run is in the audit log.
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.SiteImported));
    }

    [Fact]
    public async Task The_report_has_one_row_per_page_in_UTF8_with_a_byte_order_mark()
    {
        var bytes = await File.ReadAllBytesAsync(fixture.First.ReportFile);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var records = CsvRecords(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal("旧地址", records[0][0]);
        Assert.Equal(fixture.Truth.Count, records.Count - 1);
        Assert.Equal(fixture.Truth.Select(t => t.OldPath).Order(StringComparer.Ordinal),
            records.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        var seed = records.Single(r => r[0] == "captures/seed.txt");
        Assert.Equal("已拦截", seed[1]);
        var imported = records.First(r => r[1] == "已导入");
        Assert.StartsWith("/", imported[4]);
        Assert.True(int.TryParse(imported[3], out _));
    }

    /// <summary>The titles of the hits the site's search page lists for <paramref name="query"/>.</summary>
    private async Task<List<string>> SearchHitsAsync(string query)
    {
        var (_, page) = await GetBodyAsync("/search?q=" + Uri.EscapeDataString(query));
        return System.Text.RegularExpressions.Regex.Matches(page, "<li class=\"search-hit\">\\s*<h3><a [^>]*>(.*?)</a>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Replace("<mark>", "").Replace("</mark>", "")))
            .ToList();
    }

    private async Task<(HttpStatusCode Status, string? Location)> GetAsync(string path)
    {
        using var response = await Portal.Client.GetAsync(path);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private async Task<(HttpStatusCode Status, string Body)> GetBodyAsync(string path)
    {
        using var response = await Portal.Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The records of a CSV text (quoted cells may hold commas and line breaks).</summary>
    private static List<List<string>> CsvRecords(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') cell.Append(text[++i]);
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n')
            {
                record.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                records.Add(record);
                record = [];
            }
            else cell.Append(c);
        }
        return records;
    }
}
