using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Reliability;

/// <summary>
/// <c>kill -9</c> at random moments of a full publish, an incremental publish, a back-office save, an upload and the
/// view-count flush: after each, the next start serves a site that agrees with its manifest and its database, no
/// acknowledged edit is missing, and the tamper guard has nothing to report (see <see cref="CrashRounds"/>).
/// </summary>
public sealed partial class CrashRecoveryTests
{
    private const string Account = "kuaibao";

    [Fact]
    public async Task A_full_publish_killed_at_any_moment_leaves_a_consistent_site()
    {
        using var data = new TempDirectory();
        await PrepareAsync(data.Path);
        var rounds = new CrashRounds("全站发布", data.Path);
        var elapsed = Stopwatch.StartNew();
        // How long a whole publish takes here, so that the kills fall within it.
        await RenameTopChannelAsync(data.Path, 0);
        var timed = Stopwatch.StartNew();
        using (var whole = PortalProcess.Run(data.Path, "publish"))
            Assert.True(await whole.WaitAsync(TimeSpan.FromMinutes(5)) == 0, whole.Output);
        var duration = timed.Elapsed;
        for (var round = 1; round <= CrashRounds.Rounds; round++)
        {
            // Every page names the top channels: a new name makes the publish rewrite the whole site.
            await RenameTopChannelAsync(data.Path, round);
            using var process = PortalProcess.Run(data.Path, "publish");
            await Task.Delay(rounds.Moment(TimeSpan.FromSeconds(0.2), duration));
            process.Kill();
            rounds.CountIfInterrupted();
            await using var portal = await rounds.RestartAndCheckAsync();
        }
        rounds.Note = $"一次完整发布约 {duration.TotalSeconds:0.0} 秒";
        rounds.Report(CrashRounds.Rounds, elapsed);
    }

    [Fact]
    public async Task An_edit_published_at_once_and_killed_at_any_moment_is_either_live_or_not_yet_and_never_lost()
    {
        using var data = new TempDirectory();
        var articles = await PrepareAsync(data.Path);
        var rounds = new CrashRounds("增量发布（修改并紧急发布）", data.Path);
        var elapsed = Stopwatch.StartNew();
        var channel = await ChannelIdAsync(data.Path);
        for (var round = 1; round <= CrashRounds.Rounds; round++)
        {
            using var process = await PortalProcess.ServeAsync(data.Path);
            using var staff = await StaffClient.SignInAsync(process.Address!, Account);
            // Per article: the last title whose save / publish was answered, and the one on its way.
            var saved = new Dictionary<int, string>();
            var live = new Dictionary<int, string>();
            string? savingTitle = null, publishingTitle = null;
            var savingId = 0;
            await rounds.KillDuringAsync(process, async killed =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    var id = articles[n % articles.Length];
                    var title = $"防汛防台风工作提示（第{round}轮第{n}次修订）";
                    var revision = await NewestRevisionAsync(data.Path, id);
                    (savingId, savingTitle) = (id, title);
                    var save = await staff.PostMultipartAsync($"articles/{id}/edit", Newsroom.Fields(channel, title,
                        "<p>请做好防汛防台风准备。</p>", baseRevisionId: revision.Id, baseVersion: revision.Version), []);
                    Assert.Equal(HttpStatusCode.SeeOther, save.StatusCode);
                    (saved[id], savingTitle, publishingTitle) = (title, null, title);
                    var draft = await NewestRevisionAsync(data.Path, id);
                    var publish = await staff.PostAsync($"articles/{id}/force-publish",
                        [new("reason", "汛情紧急需要立即发布"), new("acknowledge", "1"), new("version", $"{draft.Version}")]);
                    Assert.Equal(HttpStatusCode.SeeOther, publish.StatusCode);
                    (live[id], publishingTitle) = (title, null);
                    rounds.Acknowledged += 2;
                }
            }, rounds.Moment(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3)));

            await using var portal = await rounds.RestartAndCheckAsync();
            await using var db = portal.Settings.Database.CreateContext();
            foreach (var id in articles)
            {
                var newest = (await NewestRevisionAsync(data.Path, id)).Title;
                var expected = new[] { saved.GetValueOrDefault(id), savingId == id ? savingTitle : null };
                if (saved.ContainsKey(id) || savingId == id) Assert.Contains(newest, expected);
                var title = await db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync();
                if (live.TryGetValue(id, out var answered))
                    Assert.Contains(title, new[] { answered, publishingTitle });
            }
        }
        rounds.Report(CrashRounds.Rounds, elapsed);
    }

    [Fact]
    public async Task Drafts_saved_until_a_kill_are_all_there_after_it()
    {
        using var data = new TempDirectory();
        await PrepareAsync(data.Path);
        var rounds = new CrashRounds("后台保存（新建草稿）", data.Path);
        var elapsed = Stopwatch.StartNew();
        var channel = await ChannelIdAsync(data.Path);
        for (var round = 1; round <= CrashRounds.Rounds; round++)
        {
            using var process = await PortalProcess.ServeAsync(data.Path);
            using var staff = await StaffClient.SignInAsync(process.Address!, Account);
            var answered = new Dictionary<int, string>();
            var prefix = $"崩溃测试草稿第{round}轮";
            await rounds.KillDuringAsync(process, async killed =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    var title = $"{prefix}第{n}篇";
                    var response = await staff.PostMultipartAsync("articles/new",
                        Newsroom.Fields(channel, title, "<p>草稿正文。</p>"), []);
                    Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
                    answered[IdIn(response)] = title;
                    rounds.Acknowledged++;
                }
            }, rounds.Moment(TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(2)));

            await using var portal = await rounds.RestartAndCheckAsync();
            foreach (var (id, title) in answered)
                Assert.Equal(title, (await NewestRevisionAsync(data.Path, id)).Title);
            await using var db = portal.Settings.Database.CreateContext();
            // At most the one on its way when the process died was saved without an answer.
            var saved = await db.Revisions.CountAsync(r => r.Title.StartsWith(prefix));
            Assert.InRange(saved, answered.Count, answered.Count + 1);
        }
        rounds.Report(CrashRounds.Rounds, elapsed);
    }

    [Fact]
    public async Task Files_uploaded_until_a_kill_are_all_there_with_their_bytes_and_no_record_lacks_its_file()
    {
        using var data = new TempDirectory();
        await PrepareAsync(data.Path);
        var rounds = new CrashRounds("上传附件", data.Path);
        var elapsed = Stopwatch.StartNew();
        var channel = await ChannelIdAsync(data.Path);
        for (var round = 1; round <= CrashRounds.Rounds; round++)
        {
            using var process = await PortalProcess.ServeAsync(data.Path);
            using var staff = await StaffClient.SignInAsync(process.Address!, Account);
            var answered = new Dictionary<int, string>();
            await rounds.KillDuringAsync(process, async killed =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    var pdf = TestPdf.Create($"round {round} file {n}", new string('x', 2000 + n));
                    var response = await staff.PostMultipartAsync("articles/new",
                        Newsroom.Fields(channel, $"带附件的草稿（第{round}轮第{n}篇）", "<p>见附件。</p>"),
                        [($"附件{n}.pdf", pdf)]);
                    Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
                    answered[IdIn(response)] = Sha(pdf);
                    rounds.Acknowledged++;
                }
            }, rounds.Moment(TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(2)));

            await using var portal = await rounds.RestartAndCheckAsync();
            var uploads = Path.Combine(data.Path, "uploads");
            await using var db = portal.Settings.Database.CreateContext();
            foreach (var (id, sha) in answered)
            {
                var file = (await NewestRevisionAsync(data.Path, id)).Files.Single();
                Assert.Equal(sha, Sha(await File.ReadAllBytesAsync(Path.Combine(uploads, file.StoredName))));
            }
            foreach (var file in await db.Set<GovPortal.BackOffice.Workflow.RevisionFile>().ToListAsync())
                Assert.Equal(file.SizeBytes, new FileInfo(Path.Combine(uploads, file.StoredName)).Length);
        }
        rounds.Report(CrashRounds.Rounds, elapsed);
    }

    [Fact]
    public async Task Views_counted_until_a_kill_lose_at_most_those_not_yet_written()
    {
        using var data = new TempDirectory();
        var articles = await PrepareAsync(data.Path);
        var rounds = new CrashRounds("浏览计数写入", data.Path);
        var elapsed = Stopwatch.StartNew();
        var logs = Path.Combine(data.Path, "logs");
        for (var round = 1; round <= CrashRounds.Rounds; round++)
        {
            var before = await HitsAsync(data.Path, articles);
            var logged = LogLengths(logs);
            using var process = await PortalProcess.ServeAsync(data.Path, ["--trusted-proxy", "127.0.0.1"],
                new Dictionary<string, string> { ["Logging__LogLevel__GovPortal.PublicSite.HitCounter"] = "Debug" });
            using var http = new HttpClient { BaseAddress = process.Address };
            long answered = 0;
            await rounds.KillDuringAsync(process, async killed =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hits/{articles[n % 2]}");
                    // Many readers: the limit per reader is not what is measured here.
                    request.Headers.Add("X-Forwarded-For", $"10.{round % 250}.{n / 100 % 250}.{n % 100 + 1}");
                    var response = await http.SendAsync(request, killed);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    answered++;
                }
            }, rounds.Moment(TimeSpan.FromSeconds(5.5), TimeSpan.FromSeconds(9)));

            var written = WrittenViews(logs, logged);
            await using var portal = await rounds.RestartAndCheckAsync();
            var persisted = await HitsAsync(data.Path, articles) - before;
            // Everything the portal said it wrote is there; nothing was counted that nobody asked for.
            Assert.InRange(persisted, written, answered);
            rounds.Acknowledged += answered;
            rounds.Lost = Math.Max(rounds.Lost, answered - persisted);
        }
        rounds.Note = "丢失列为单轮最多丢失的浏览次数（计数每 5 秒写入一次）";
        rounds.Report(CrashRounds.Rounds, elapsed);
    }

    /// <summary>
    /// The demo site in <paramref name="directory"/> with an account that writes and publishes in 部门动态, and two of
    /// its articles published; returns their ids.
    /// </summary>
    private static async Task<int[]> PrepareAsync(string directory)
    {
        await using var portal = await RunningPortal.StartAsync(dataDirectory: directory);
        await TestAccounts.CreateAsync(portal, Account, [StaffRoles.Editor, StaffRoles.Publisher], "bmdt");
        await using var room = await Newsroom.StartAsync(portal);
        return [await room.PublishNewAsync("防汛防台风工作提示"), await room.PublishNewAsync("秋冬季森林防火提示")];
    }

    private static GovPortalDbContext Database(string directory) =>
        DatabaseOptions.Sqlite(Path.Combine(directory, "govportal.db")).CreateContext();

    private static async Task<int> ChannelIdAsync(string directory)
    {
        await using var db = Database(directory);
        return await db.Channels.Where(c => c.Slug == "bmdt").Select(c => c.Id).SingleAsync();
    }

    private static async Task<GovPortal.BackOffice.Workflow.Revision> NewestRevisionAsync(string directory,
        int articleId)
    {
        await using var db = Database(directory);
        return await db.Revisions.Include(r => r.Files).Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Number).FirstAsync();
    }

    private static async Task RenameTopChannelAsync(string directory, int round)
    {
        await using var db = Database(directory);
        var channel = await db.Channels.Where(c => c.ParentId == null).OrderBy(c => c.SortOrder).FirstAsync();
        channel.Name = round % 2 == 0 ? "新闻中心" : "新闻资讯";
        await db.SaveChangesAsync();
        // What the back office leaves when it saves a rename, before its publish runs.
        var output = Path.Combine(directory, "output", GovPortal.Publishing.Output.OutputLayout.FirstSiteCode);
        await File.WriteAllTextAsync(Path.Combine(output, "rebuild-needed"), "channel renamed");
    }

    private static async Task<long> HitsAsync(string directory, int[] articles)
    {
        await using var db = Database(directory);
        return await db.Articles.Where(a => articles.Contains(a.Id)).SumAsync(a => a.HitCount);
    }

    private static Dictionary<string, long> LogLengths(string logs) => Directory.Exists(logs)
        ? Directory.GetFiles(logs).ToDictionary(f => f, f => new FileInfo(f).Length)
        : [];

    /// <summary>The views the portal logged as written since <paramref name="before"/>.</summary>
    private static long WrittenViews(string logs, Dictionary<string, long> before)
    {
        long total = 0;
        foreach (var file in Directory.GetFiles(logs))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(before.GetValueOrDefault(file), SeekOrigin.Begin);
            foreach (Match match in WrittenLine().Matches(new StreamReader(stream).ReadToEnd()))
                total += long.Parse(match.Groups[1].Value);
        }
        return total;
    }

    private static int IdIn(HttpResponseMessage response) =>
        int.Parse(ArticleAddress().Match(response.Headers.Location!.OriginalString).Groups[1].Value);

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex(@"Wrote (\d+) views to the database")]
    private static partial Regex WrittenLine();

    [GeneratedRegex(@"/articles/(\d+)")]
    private static partial Regex ArticleAddress();
}
