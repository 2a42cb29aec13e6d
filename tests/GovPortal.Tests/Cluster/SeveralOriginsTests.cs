using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using GovPortal.BackOffice.ContentSafety;
using GovPortal.Interaction.Letters;
using GovPortal.Publishing.Output;
using GovPortal.Publishing.Replication;
using GovPortal.Safety.Scanning;
using GovPortal.Tests.Interaction;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Cluster;

/// <summary>
/// Two origins side by side on one primary, as behind nginx: the second starts from an empty folder and catches up
/// with what the first published, a sign-in made by one is accepted by the other, their publishes of one site take
/// turns through a PostgreSQL advisory lock and each is planned from the other's pages, and a file uploaded through
/// one is published by the other, a letter's file sent through one opens in the other's back office, and a
/// content-safety list saved through one is checked by the other.
/// </summary>
[Trait("Needs", "PostgreSQL")]
[Collection(ClusterCollection.Name)]
public sealed class SeveralOriginsTests(OriginAndNodes cluster)
{
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_second_origin_starts_from_nothing_with_the_first_ones_pages_and_accepts_its_sign_in()
    {
        var second = await cluster.SecondOriginAsync();
        await WaitUntilInStepAsync(cluster.Origin, second);
        Assert.Equal(await cluster.Origin.Client.GetByteArrayAsync("/"), await second.Client.GetByteArrayAsync("/"));

        // The sign-in cookie the first origin made, sent to the second (cookies do not tell ports apart).
        using var sameCookies = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false, CookieContainer = cluster.Room.Publisher.Cookies, UseCookies = true,
        }) { BaseAddress = second.Address };
        var dashboard = await sameCookies.GetAsync(StaffClient.Base + "/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("zhaolei", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Publishes_through_both_origins_take_turns_and_every_server_shows_both()
    {
        var second = await cluster.SecondOriginAsync();
        await using var otherRoom = await Newsroom.StartAsync(second);
        var first = cluster.Room.WriteAsync("两个源站轮流发布：第一篇");
        var other = otherRoom.WriteAsync("两个源站轮流发布：第二篇");
        var ids = await Task.WhenAll(first, other);
        foreach (var (room, id) in new[] { (cluster.Room, ids[0]), (otherRoom, ids[1]) })
        {
            await room.DoAsync(room.Editor, id, "submit");
            await room.DoAsync(room.Reviewer, id, "approve");
        }
        // Both at once: the second to take its turn plans from the pages the first one wrote.
        await Task.WhenAll(cluster.Room.DoAsync(cluster.Room.Publisher, ids[0], "publish"),
            otherRoom.DoAsync(otherRoom.Publisher, ids[1], "publish"));

        await WaitUntilInStepAsync(cluster.Origin, second);
        // The column's first list page: the article's address without its month folder and file name.
        var column = string.Join('/', (await cluster.Room.ArticleAsync(ids[0])).Url!.Split('/')[..^2]) + "/";
        foreach (var server in new[] { cluster.Origin.Address, second.Address }
                     .Concat(cluster.Nodes.Select(n => n.Address!)))
        {
            using var http = new HttpClient { BaseAddress = server };
            foreach (var id in ids)
                await WaitForPageAsync(http, (await cluster.Room.ArticleAsync(id)).Url!);
            var list = await (await WaitForPageAsync(http, column, "两个源站轮流发布：第二篇"))
                .Content.ReadAsStringAsync();
            Assert.Contains("两个源站轮流发布：第一篇", list);
            Assert.Contains("两个源站轮流发布：第二篇", list);
        }
    }

    [Fact]
    public async Task A_publish_on_one_origin_waits_while_the_other_holds_the_sites_turn()
    {
        var second = await cluster.SecondOriginAsync();
        await using var otherRoom = await Newsroom.StartAsync(second);
        var id = await otherRoom.WriteAsync("源站发布锁测试");
        await otherRoom.DoAsync(otherRoom.Editor, id, "submit");
        await otherRoom.DoAsync(otherRoom.Reviewer, id, "approve");

        var store = cluster.Origin.Service<OutputStore>();
        var turn = await cluster.Origin.Service<OriginTurns>().TakeAsync(store, CancellationToken.None);
        Task publish;
        try
        {
            publish = otherRoom.DoAsync(otherRoom.Publisher, id, "publish");
            // However long it is given, it cannot finish while the first origin holds the site's turn.
            Assert.NotSame(publish, await Task.WhenAny(publish, Task.Delay(TimeSpan.FromSeconds(2))));
        }
        finally
        {
            await turn.DisposeAsync();
        }
        await publish;
        var url = (await otherRoom.ArticleAsync(id)).Url!;
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync(url)).StatusCode);
        using var http = new HttpClient { BaseAddress = cluster.Origin.Address };
        await WaitForPageAsync(http, url);
    }

    [Fact]
    public async Task A_file_uploaded_through_one_origin_is_published_by_the_other_and_served_by_the_nodes()
    {
        var second = await cluster.SecondOriginAsync();
        await using var otherRoom = await Newsroom.StartAsync(second);
        var pdf = TestPdf.Create("第二源站上传的附件");
        var id = await otherRoom.WriteAsync("跨源站附件测试", files: [("跨源站附件.pdf", pdf)]);
        await otherRoom.DoAsync(otherRoom.Editor, id, "submit");
        await otherRoom.DoAsync(otherRoom.Reviewer, id, "approve");
        var stored = (await otherRoom.RevisionAsync(id)).Files.Single().StoredName;
        Assert.False(File.Exists(Path.Combine(cluster.Origin.Settings.Paths.UploadsDirectory, stored)));

        // Published through the first origin, which never saw the upload.
        await cluster.Room.DoAsync(cluster.Room.Publisher, id, "publish");
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var entry = cluster.Origin.Service<OutputStore>().Manifest.Entries.First(e => e.Sha256 == sha);
        foreach (var node in cluster.Nodes)
        {
            using var http = new HttpClient { BaseAddress = node.Address };
            var response = await WaitForPageAsync(http, "/" + entry.Path);
            Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_letters_file_sent_through_one_origin_opens_in_the_others_back_office()
    {
        var second = await cluster.SecondOriginAsync();
        var pdf = Upload.Pdf("来信材料.pdf");
        using var writer = new LetterWriter(second);
        var (number, _) = await writer.SendAsync(files: [pdf]);
        LetterAttachment attachment;
        await using (var db = cluster.Origin.Settings.Database.CreateContext())
            attachment = await db.LetterAttachments.SingleAsync(a =>
                a.LetterId == db.Letters.Single(l => l.Number == number).Id);
        var onFirst = Path.Combine(cluster.Origin.Settings.Paths.LetterFilesDirectory, attachment.StoredName);
        Assert.False(File.Exists(onFirst));

        Assert.Equal(pdf.Content, cluster.Origin.Service<LetterFiles>().Open(attachment, number));
        // Sealed on this disk as on the other's: never in clear.
        Assert.False((await File.ReadAllBytesAsync(onFirst)).AsSpan().IndexOf(pdf.Content.AsSpan(0, 64)) >= 0);
    }

    [Fact]
    public async Task A_sensitive_word_saved_through_one_origin_is_checked_by_the_other_within_seconds()
    {
        var second = await cluster.SecondOriginAsync();
        const string word = "两源站共用词库测试词";
        var scanner = cluster.Origin.Service<PageScanner>();
        bool Flagged() => scanner.Scan($"<p>{word}</p>", isHtml: true, new HashSet<string>(),
            OutputLayout.FirstSiteCode).Any(f => f.Severity == Severity.Block && f.Excerpt.Contains(word));
        Assert.False(Flagged());

        var (entries, error) = second.Service<SafetyLists>().Save(SafetyLists.SensitiveWords,
            $"测试\tblock\t{word}", OutputLayout.FirstSiteCode);
        Assert.Null(error);
        Assert.Equal(1, entries);
        for (var waited = Stopwatch.StartNew(); !Flagged(); await Task.Delay(100))
            if (waited.Elapsed > Settled) Assert.Fail("the first origin never took the second one's list into use");
        Assert.Contains(word, cluster.Origin.Service<SafetyLists>()
            .Additions(SafetyLists.SensitiveWords, OutputLayout.FirstSiteCode));
    }

    /// <summary>
    /// Waits until both origins hold the database's generation of the first site with the same files: their
    /// manifests list the same paths with the same hashes.
    /// </summary>
    private static async Task WaitUntilInStepAsync(RunningPortal first, RunningPortal second)
    {
        var turns = first.Service<OriginTurns>();
        for (var waited = Stopwatch.StartNew();; await Task.Delay(200))
        {
            var generation = (await turns.GenerationsAsync(CancellationToken.None))[OutputLayout.FirstSiteCode];
            var (one, other) = (first.Service<OutputStore>(), second.Service<OutputStore>());
            if (HeldGeneration.Read(one.Layout) == generation && HeldGeneration.Read(other.Layout) == generation
                && !one.IsPublishing && !other.IsPublishing && Files(one).SetEquals(Files(other)))
                return;
            if (waited.Elapsed > Settled)
                Assert.Fail($"the origins hold generations {HeldGeneration.Read(one.Layout)} and " +
                            $"{HeldGeneration.Read(other.Layout)}, the database {generation}; " +
                            $"{Files(one).Except(Files(other)).Count()} files of the first differ from the second");
        }
    }

    private static HashSet<(string, string)> Files(OutputStore store) =>
        [.. store.Manifest.Entries.Select(e => (e.Path, e.Sha256))];

    private static async Task<HttpResponseMessage> WaitForPageAsync(HttpClient http, string url,
        string? contains = null)
    {
        for (var waited = Stopwatch.StartNew();; await Task.Delay(100))
        {
            var response = await http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK
                && (contains is null || (await response.Content.ReadAsStringAsync()).Contains(contains)))
                return response;
            if (waited.Elapsed > Settled)
                Assert.Fail($"{http.BaseAddress}{url} answered {(int)response.StatusCode} after {waited.Elapsed}");
        }
    }
}
