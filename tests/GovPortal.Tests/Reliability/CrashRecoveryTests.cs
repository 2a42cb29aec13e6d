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
    public Task An_edit_published_at_once_and_killed_at_any_moment_is_either_live_or_not_yet_and_never_lost()
    {
        // Per article, over all rounds: the last title whose save / publish was answered.
        var saved = new Dictionary<int, string>();
        var live = new Dictionary<int, string>();
        return StaffRoundsAsync("增量发布（修改并紧急发布）", TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3), round =>
        {
            // The one on its way when the process died.
            string? savingTitle = null, publishingTitle = null;
            var savingId = 0;
            return (async killed =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    var id = round.Articles[n % round.Articles.Length];
                    var title = $"防汛防台风工作提示（第{round.Number}轮第{n}次修订）";
                    var revision = await NewestRevisionAsync(round.DataDirectory, id);
                    // A kill during the very first save leaves the title the article had before any round.
                    saved.TryAdd(id, revision.Title);
                    (savingId, savingTitle) = (id, title);
                    var save = await round.Staff.PostMultipartAsync($"articles/{id}/edit", Newsroom.Fields(
                        round.Channel, title, "<p>请做好防汛防台风准备。</p>", baseRevisionId: revision.Id,
                        baseVersion: revision.Version), []);
                    Assert.Equal(HttpStatusCode.SeeOther, save.StatusCode);
                    (saved[id], savingTitle, publishingTitle) = (title, null, title);
                    var draft = await NewestRevisionAsync(round.DataDirectory, id);
                    var publish = await round.Staff.PostAsync($"articles/{id}/force-publish",
                        [new("reason", "汛情紧急需要立即发布"), new("acknowledge", "1"), new("version", $"{draft.Version}")]);
                    Assert.Equal(HttpStatusCode.SeeOther, publish.StatusCode);
                    (live[id], publishingTitle) = (title, null);
                    round.Tally.Acknowledged += 2;
                }
            }, async portal =>
            {
                await using var db = portal.Settings.Database.CreateContext();
                foreach (var id in round.Articles)
                {
                    var newest = (await NewestRevisionAsync(round.DataDirectory, id)).Title;
                    var expected = new[] { saved.GetValueOrDefault(id), savingId == id ? savingTitle : null };
                    if (saved.ContainsKey(id) || savingId == id) Assert.Contains(newest, expected);
                    var title = await db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync();
                    if (live.TryGetValue(id, out var answered))
                        Assert.Contains(title, new[] { answered, publishingTitle });
                    // What was on its way and did land is where the next round starts from.
                    (saved[id], live[id]) = (newest, title);
                }
            });
        });
    }

    [Fact]
    public Task Drafts_saved_until_a_kill_are_all_there_after_it() =>
        StaffRoundsAsync("后台保存（新建草稿）", TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(2), round =>
        {
            var answered = new Dictionary<int, string>();
            var prefix = $"崩溃测试草稿第{round.Number}轮";
            return (async killed =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    var title = $"{prefix}第{n}篇";
                    var response = await round.Staff.PostMultipartAsync("articles/new",
                        Newsroom.Fields(round.Channel, title, "<p>草稿正文。</p>"), []);
                    Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
                    answered[IdIn(response)] = title;
                    round.Tally.Acknowledged++;
                }
            }, async portal =>
            {
                foreach (var (id, title) in answered)
                    Assert.Equal(title, (await NewestRevisionAsync(round.DataDirectory, id)).Title);
                await using var db = portal.Settings.Database.CreateContext();
                // At most the one on its way when the process died was saved without an answer.
                var saved = await db.Revisions.CountAsync(r => r.Title.StartsWith(prefix));
                Assert.InRange(saved, answered.Count, answered.Count + 1);
            });
        });

    [Fact]
    public Task Files_uploaded_until_a_kill_are_all_there_with_their_bytes_and_no_record_lacks_its_file() =>
        StaffRoundsAsync("上传附件", TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(2), round =>
        {
            var answered = new Dictionary<int, string>();
            return (async killed =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    var pdf = TestPdf.Create($"round {round.Number} file {n}", new string('x', 2000 + n));
                    var response = await round.Staff.PostMultipartAsync("articles/new",
                        Newsroom.Fields(round.Channel, $"带附件的草稿（第{round.Number}轮第{n}篇）", "<p>见附件。</p>"),
                        [($"附件{n}.pdf", pdf)]);
                    Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
                    answered[IdIn(response)] = Sha(pdf);
                    round.Tally.Acknowledged++;
                }
            }, async portal =>
            {
                var uploads = Path.Combine(round.DataDirectory, "uploads");
                foreach (var (id, sha) in answered)
                {
                    var file = (await NewestRevisionAsync(round.DataDirectory, id)).Files.Single();
                    Assert.Equal(sha, Sha(await File.ReadAllBytesAsync(Path.Combine(uploads, file.StoredName))));
                }
                await using var db = portal.Settings.Database.CreateContext();
                foreach (var file in await db.Set<GovPortal.BackOffice.Workflow.RevisionFile>().ToListAsync())
                    Assert.Equal(file.SizeBytes, new FileInfo(Path.Combine(uploads, file.StoredName)).Length);
            });
        });

    /// <summary>One round of work done by the account through the back office of a portal in its own process.</summary>
    private sealed record StaffRound(int Number, string DataDirectory, int[] Articles, int Channel, StaffClient Staff,
        CrashRounds Tally);

    /// <summary>
    /// Rounds of back-office work killed at a moment between <paramref name="from"/> and <paramref name="to"/>; each
    /// round gets its work and its own check of what was answered from <paramref name="plan"/>.
    /// </summary>
    private static async Task StaffRoundsAsync(string scenario, TimeSpan from, TimeSpan to,
        Func<StaffRound, (Func<CancellationToken, Task> Work, Func<RunningPortal, Task> Check)> plan)
    {
        using var data = new TempDirectory();
        var articles = await PrepareAsync(data.Path);
        var rounds = new CrashRounds(scenario, data.Path);
        var elapsed = Stopwatch.StartNew();
        var channel = await ChannelIdAsync(data.Path);
        for (var number = 1; number <= CrashRounds.Rounds; number++)
        {
            using var process = await PortalProcess.ServeAsync(data.Path);
            using var staff = await StaffClient.SignInAsync(process.Address!, Account);
            var (work, check) = plan(new StaffRound(number, data.Path, articles, channel, staff, rounds));
            await rounds.KillDuringAsync(process, work, rounds.Moment(from, to));
            await using var portal = await rounds.RestartAndCheckAsync();
            await check(portal);
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
        var lostSeconds = 0.0;
        for (var round = 1; round <= CrashRounds.Rounds; round++)
        {
            var before = await HitsAsync(data.Path, articles);
            var logged = LogLengths(logs);
            using var process = await PortalProcess.ServeAsync(data.Path, ["--trusted-proxy", "127.0.0.1"],
                new Dictionary<string, string> { ["Logging__LogLevel__GovPortal.PublicSite.HitCounter"] = "Debug" });
            using var http = new HttpClient { BaseAddress = process.Address };
            long answered = 0;
            var moment = rounds.Moment(TimeSpan.FromSeconds(5.5), TimeSpan.FromSeconds(9));
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
            }, moment);

            var written = WrittenViews(logs, logged);
            await using var portal = await rounds.RestartAndCheckAsync();
            var persisted = await HitsAsync(data.Path, articles) - before;
            // Everything the portal said it wrote is there; nothing was counted that nobody asked for (the one view
            // on its way at the kill may have been counted and written before its answer was sent).
            Assert.InRange(persisted, written, answered + 1);
            rounds.Acknowledged += answered;
            rounds.Lost = Math.Max(rounds.Lost, answered - persisted);
            // The loss in seconds of this round's traffic: what the 5-second write interval promises.
            lostSeconds = Math.Max(lostSeconds, (answered - persisted) * moment.TotalSeconds / Math.Max(answered, 1));
        }
        rounds.Note = $"丢失列为单轮最多丢失的浏览次数，约合 {lostSeconds:0.0} 秒的浏览量（计数每 5 秒写入一次）";
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
