using System.Net;
using System.Text;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.PublicSite;
using GovPortal.Safety.Tamper;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Safety;

/// <summary>网页防篡改 on real files: the public server never serves bytes that differ from the manifest.</summary>
public sealed class TamperGuardTests
{
    private const string SpamLine = "一区二区三区视频在线观看,国产不卡AV在线,女人喷液在线观看免费,久久综合免费人伦观看";

    // The sweep on its own, without the watcher putting things right first.
    internal static void SweepAlone(IServiceCollection services) =>
        services.AddSingleton(
            new TamperGuardOptions(Enabled: true, SweepInterval: Timeout.InfiniteTimeSpan) { WatchOutput = false });

    private static string FileOf(RunningPortal portal, string url) =>
        Path.Combine(portal.Output.PublicDirectory, url.TrimStart('/'));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Appending_the_seed_spam_line_to_a_page_changes_nothing_a_reader_sees(bool servedBefore)
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var file = FileOf(portal, seed.Url!);
        var original = await File.ReadAllBytesAsync(file);
        if (servedBefore) (await portal.Client.GetAsync(seed.Url)).Dispose(); // now held in memory too

        await File.AppendAllTextAsync(file, "\n" + SpamLine + "\n");

        using var response = await portal.Client.GetAsync(seed.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(original, await response.Content.ReadAsByteArrayAsync());
        // Put back on disk by this request or, if it came first, by the watcher; reported once either way.
        await WaitUntilAsync(() => File.ReadAllBytes(file).SequenceEqual(original));
        await WaitUntilAsync(() => portal.Service<TamperAlerts>().Recent.Any(e => e.Path == seed.Url!.TrimStart('/')));
        var alert = Assert.Single(portal.Service<TamperAlerts>().Recent, e => e.Path == seed.Url!.TrimStart('/'));
        Assert.Equal(TamperKind.Modified, alert.Kind);
        Assert.Contains(seed.Url!.TrimStart('/'), await File.ReadAllTextAsync(portal.Settings.Paths.TamperEventsFile));
    }

    [Fact]
    public async Task A_same_length_change_with_its_time_set_back_is_still_found_by_the_next_request()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var file = FileOf(portal, seed.Url!);
        var original = await File.ReadAllBytesAsync(file);
        (await portal.Client.GetAsync(seed.Url)).Dispose(); // held in memory, with the file's stamp

        // Same size, and the modification time put back: only the change time (which nobody can set) moves.
        var tampered = (byte[])original.Clone();
        var at = Encoding.UTF8.GetString(original).IndexOf("生态环境", StringComparison.Ordinal);
        Encoding.UTF8.GetBytes("赌场赌场")
            .CopyTo(tampered, Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(original)[..at]));
        var written = File.GetLastWriteTimeUtc(file);
        await File.WriteAllBytesAsync(file, tampered);
        File.SetLastWriteTimeUtc(file, written);

        using var response = await portal.Client.GetAsync(seed.Url);
        Assert.Equal(original, await response.Content.ReadAsByteArrayAsync());
        // Whoever finds the change first (this request or the watcher) puts the file back; the watcher records its
        // alert after the restore, so a request that already reads the true file may answer before the alert exists.
        await WaitUntilAsync(() => File.ReadAllBytes(file).SequenceEqual(original));
        await WaitUntilAsync(() => portal.Service<TamperAlerts>().Recent.Any(e => e.Path == seed.Url!.TrimStart('/')
            && e.Kind == TamperKind.Modified));
    }

    [Fact]
    public void A_file_stamp_moves_with_every_change_even_when_size_and_time_are_kept()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "page.html");
        File.WriteAllText(path, "<p>原文</p>");
        var before = FileStamp.Of(path);
        var written = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, "<p>篡改</p>");
        File.SetLastWriteTimeUtc(path, written);
        var after = FileStamp.Of(path);
        Assert.NotNull(after);
        Assert.Equal(before!.Value.Length, after.Value.Length);
        Assert.Equal(before.Value.ModifiedNs / 100, after.Value.ModifiedNs / 100); // as far as the time can be set back

        Assert.NotEqual(before, after);

        File.Move(path, path + ".old");
        File.CreateSymbolicLink(path, path + ".old"); // a link in the page's place is another file
        Assert.NotEqual(after, FileStamp.Of(path));
        File.Delete(path);
        Assert.Null(FileStamp.Of(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_changed_or_deleted_search_index_file_is_reported_and_the_index_is_rebuilt(bool delete)
    {
        await using var portal = await RunningPortal.StartAsync();
        var guard = portal.Service<SearchIndexGuard>();
        Assert.Equal(0, await guard.SweepAsync(full: true)); // as committed
        var checksums = portal.Output.SearchChecksumsFile;
        var largest = File.ReadAllLines(checksums).Select(l => l[65..]).OrderByDescending(
            n => new FileInfo(Path.Combine(portal.Output.SearchIndexDirectory, n)).Length).First();
        var file = Path.Combine(portal.Output.SearchIndexDirectory, largest);
        if (delete) File.Delete(file);
        else
        {
            var bytes = await File.ReadAllBytesAsync(file);
            bytes[bytes.Length / 2] ^= 0xFF;
            await File.WriteAllBytesAsync(file, bytes);
        }

        Assert.Equal(1, await guard.SweepAsync(full: false));
        var alert = Assert.Single(portal.Service<TamperAlerts>().Recent, e => e.Path == "search/" + largest);
        Assert.Equal(delete ? TamperKind.Missing : TamperKind.Modified, alert.Kind);
        Assert.Equal(0, await guard.SweepAsync(full: true)); // rebuilt, with new checksums
        var results = await portal.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("生态环境保护大会"));
        Assert.Contains(PortalData.SeedTitle, results);
    }

    [Fact]
    public async Task Search_index_commits_after_a_change_are_not_taken_for_tampering()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.Title += "（更新）");
        portal.Service<GovPortal.Search.SearchIndex>().CommitPending();
        Assert.Equal(0, await portal.Service<SearchIndexGuard>().SweepAsync(full: true));
        Assert.DoesNotContain(portal.Service<TamperAlerts>().Recent,
            e => e.Path.StartsWith("search/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/zh-hant")]
    [InlineData("/elder")]
    public async Task The_elder_and_traditional_forms_of_a_tampered_page_are_made_from_the_true_page(string form)
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        (await portal.Client.GetAsync(form + seed.Url)).Dispose(); // the form is now held in memory

        await File.AppendAllTextAsync(FileOf(portal, seed.Url!), "\n" + SpamLine + "\n");
        var body = await portal.Client.GetStringAsync(form + seed.Url);

        Assert.DoesNotContain("久久综合", body);
        Assert.DoesNotContain("久久綜合", body);
        // Put back and reported by this request or, if it came first, by the watcher.
        await WaitUntilAsync(() => portal.Service<TamperAlerts>().Recent.Any(e => e.Path == seed.Url!.TrimStart('/')));
        await WaitUntilAsync(() => !File.ReadAllText(FileOf(portal, seed.Url!)).Contains("久久综合"));
    }

    [Fact]
    public async Task A_tampered_compressed_variant_is_answered_with_the_true_one()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var variant = FileOf(portal, seed.Url!) + ".gz";
        var original = await File.ReadAllBytesAsync(variant);
        await File.WriteAllBytesAsync(variant,
            GovPortal.Publishing.Output.Precompressor.Gzip(Encoding.UTF8.GetBytes("<p>" + SpamLine + "</p>")));

        using var request = new HttpRequestMessage(HttpMethod.Get, seed.Url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await portal.Client.SendAsync(request);
        Assert.Equal(original, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(original, await File.ReadAllBytesAsync(variant));
    }

    [Fact]
    public async Task A_dropped_webshell_is_never_served_and_goes_to_quarantine()
    {
        await using var portal = await RunningPortal.StartAsync();
        var shell = Path.Combine(portal.Output.PublicDirectory, "shell.aspx");
        var page = Path.Combine(portal.Output.PublicDirectory, "xwzx", "x.html");
        await File.WriteAllTextAsync(shell, "<%@ Page Language=\"C#\" %><% Response.Write(\"pwned\"); %>");
        await File.WriteAllTextAsync(page, "<p>" + SpamLine + "</p>");

        using (var response = await portal.Client.GetAsync("/shell.aspx"))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using (var response = await portal.Client.GetAsync("/xwzx/x.html"))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        portal.Service<TamperGuard>().Sweep(); // whether or not the watcher got there first
        Assert.False(File.Exists(shell));
        Assert.False(File.Exists(page));
        var quarantined = Directory.EnumerateFiles(portal.Settings.Paths.QuarantineDirectory, "*",
            SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("shell.aspx", quarantined);
        Assert.Contains("x.html", quarantined);
        var alerts = portal.Service<TamperAlerts>().Recent;
        Assert.Contains(alerts, e => e.Kind == TamperKind.Unpublished && e.Path == "shell.aspx");
        Assert.Contains(alerts, e => e.Kind == TamperKind.Unpublished && e.Path == "xwzx/x.html");
    }

    [Fact]
    public async Task A_wiped_output_folder_is_served_and_rebuilt_from_the_object_store()
    {
        await using var portal = await RunningPortal.StartAsync();
        var publicDirectory = portal.Output.PublicDirectory;
        var before = OutputSnapshotFiles(publicDirectory);
        var seed = await portal.SeedArticleAsync();

        // Wiped in one step (the watcher puts files back as fast as a recursive delete removes them).
        Directory.Move(publicDirectory, publicDirectory + ".wiped");
        using (var response = await portal.Client.GetAsync(seed.Url))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(before[seed.Url!.TrimStart('/')], await response.Content.ReadAsByteArrayAsync());
        }

        portal.Service<TamperGuard>().Sweep();
        var after = OutputSnapshotFiles(publicDirectory);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
        Assert.Contains(portal.Service<TamperAlerts>().Recent, e => e.Kind == TamperKind.Missing);

        // The sweep also moves the watcher to the new folder: a change there is put back without any request.
        portal.Service<OutputWatcher>().EnsureWatching();
        var file = FileOf(portal, seed.Url!);
        await File.AppendAllTextAsync(file, SpamLine);
        await WaitUntilAsync(() => File.ReadAllBytes(file).SequenceEqual(before[seed.Url!.TrimStart('/')]));
    }

    [Fact]
    public async Task A_page_changed_on_disk_is_put_back_at_once_even_if_nobody_requests_it()
    {
        await using var portal = await RunningPortal.StartAsync();
        Assert.True(portal.Service<OutputWatcher>().Watching);
        var seed = await portal.SeedArticleAsync();
        var file = FileOf(portal, seed.Url!);
        var original = await File.ReadAllBytesAsync(file);
        await File.AppendAllTextAsync(file, "\n" + SpamLine + "\n");
        await WaitUntilAsync(() => File.ReadAllBytes(file).SequenceEqual(original));
        await WaitUntilAsync(() => portal.Service<TamperAlerts>()
            .Recent.Any(e => e.Path == seed.Url!.TrimStart('/') && e.Kind == TamperKind.Modified));
        var shell = Path.Combine(portal.Output.PublicDirectory, "xwzx", "shell.php");
        await File.WriteAllTextAsync(shell, "<?php system($_GET['c']); ?>");
        await WaitUntilAsync(() => !File.Exists(shell)); // quarantined
    }

    // The watcher works on its own thread as soon as the kernel reports the change; wait for its result, not for time.
    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 200 && !done(); i++) await Task.Delay(25);
        Assert.True(done());
    }

    [Fact]
    public async Task A_sweep_finds_pages_nobody_requests_and_leaves_genuine_ones_alone()
    {
        await using var portal = await RunningPortal.StartAsync(configureServices: SweepAlone);
        var guard = portal.Service<TamperGuard>();
        guard.Sweep();
        var quiet = portal.Service<TamperAlerts>().Recent.Count;
        Assert.Equal(0, guard.Sweep()); // nothing changed: nothing to report
        Assert.Equal(quiet, portal.Service<TamperAlerts>().Recent.Count);

        var list = Path.Combine(portal.Output.PublicDirectory, "xwzx", "xcyw", "index_3.html");
        var original = await File.ReadAllBytesAsync(list);
        await File.WriteAllTextAsync(list, "<a href=\"https://spam.example/\">" + SpamLine + "</a>");
        Assert.Equal(1, guard.Sweep());
        Assert.Equal(original, await File.ReadAllBytesAsync(list));
    }

    [Fact]
    public async Task After_a_crash_mid_publish_the_sweep_puts_the_last_good_site_back()
    {
        await using var portal = await RunningPortal.StartAsync(configureServices: SweepAlone);
        var publicDirectory = portal.Output.PublicDirectory;
        var lastGood = OutputSnapshotFiles(publicDirectory);
        await using (var db = portal.Settings.Database.CreateContext())
            await db.Articles.ExecuteUpdateAsync(set => set.SetProperty(a => a.Title, a => a.Title + "（修订）"));
        var store = portal.Service<OutputStore>();
        var written = 0;
        store.AfterFileCommitted = _ =>
        {
            if (Interlocked.Increment(ref written) == 40) throw new IOException("simulated crash");
        };
        await Assert.ThrowsAnyAsync<Exception>(() => portal.Service<Publisher>().PublishAllAsync());
        store.AfterFileCommitted = null;

        portal.Service<TamperGuard>().Sweep();
        var now = OutputSnapshotFiles(publicDirectory);
        Assert.Equal(lastGood.Keys.Order(), now.Keys.Order());
        foreach (var (path, bytes) in lastGood) Assert.Equal(bytes, now[path]);
    }

    [Fact]
    public async Task Files_a_running_publish_writes_are_served_not_restored()
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var store = portal.Service<OutputStore>();
        string? servedMidPublish = null;
        store.AfterFileCommitted = path =>
        {
            if (path != seed.Url!.TrimStart('/')) return;
            // The page is renamed into place but the manifest does not know it yet.
            servedMidPublish = portal.Client.GetStringAsync(seed.Url).GetAwaiter().GetResult();
        };
        await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.Title = "发布途中的新标题");
        store.AfterFileCommitted = null;

        Assert.Contains("发布途中的新标题", servedMidPublish);
        Assert.DoesNotContain(portal.Service<TamperAlerts>().Recent, e => e.Path == seed.Url!.TrimStart('/'));
        Assert.Contains("发布途中的新标题", await portal.Client.GetStringAsync(seed.Url));
    }

    [Theory]
    [InlineData("symlink")]
    [InlineData("fifo")]
    public async Task A_page_replaced_by_a_link_or_a_pipe_is_answered_and_put_back(string kind)
    {
        await using var portal = await RunningPortal.StartAsync();
        var seed = await portal.SeedArticleAsync();
        var file = FileOf(portal, seed.Url!);
        var original = await File.ReadAllBytesAsync(file);
        // Made beside the page and moved over it in one step, as an attacker would.
        // outside the output, so the watcher leaves it alone
        var beside = Path.Combine(portal.DataDirectory, "replacement");
        if (kind == "symlink") File.CreateSymbolicLink(beside, "/dev/zero"); // endless: must not be read to the end
        else
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [beside])!; // would block a reader for ever
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        File.Move(beside, file, overwrite: true);

        using var response = await portal.Client.GetAsync(seed.Url);
        Assert.Equal(original, await response.Content.ReadAsByteArrayAsync());
        var info = new FileInfo(file);
        Assert.Null(info.LinkTarget);
        Assert.Equal(original, await File.ReadAllBytesAsync(file));
    }

    private static Dictionary<string, byte[]> OutputSnapshotFiles(string publicDirectory) =>
        Directory.Exists(publicDirectory)
            ? Directory.EnumerateFiles(publicDirectory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(publicDirectory, f), File.ReadAllBytes)
            : [];
}

/// <summary>The background sweep runs on start and then every minute, without any request.</summary>
public sealed class TamperSweepScheduleTests
{
    [Fact]
    public async Task Pages_nobody_requests_are_swept_every_minute()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(
            new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var portal = await RunningPortal.StartAsync(configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(
                new TamperGuardOptions(Enabled: true, SweepInterval: TimeSpan.FromSeconds(60)) { WatchOutput = false });
        });
        var guard = portal.Service<TamperGuard>();
        await NextSweepAsync(guard, after: 0); // the sweep on start

        var page = Path.Combine(portal.Output.PublicDirectory, "zcwj", "index.html");
        var original = await File.ReadAllBytesAsync(page);
        await File.WriteAllTextAsync(page, "<p>一区二区三区视频在线观看</p>");

        var swept = NextSweepAsync(guard, after: guard.SweepCount);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await swept);
        Assert.Equal(original, await File.ReadAllBytesAsync(page));
    }

    /// <summary>Completes with the event count of the first sweep after the given number of sweeps.</summary>
    private static Task<int> NextSweepAsync(TamperGuard guard, int after)
    {
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        guard.Swept += events => { if (guard.SweepCount > after) done.TrySetResult(events); };
        if (guard.SweepCount > after && after == 0) done.TrySetResult(0);
        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
