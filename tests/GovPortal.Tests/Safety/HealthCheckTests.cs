using System.Text;
using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Safety.Health;
using GovPortal.Safety.Tamper;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Safety;

/// <summary>The health report against the inspection indicators, on the demo site at chosen moments.</summary>
public sealed class HealthCheckTests
{
    // The demo's newest article is from 2023-12-16; its slowest columns expect news every 180 days.
    private static readonly DateTimeOffset JustAfterTheDemoNews = new(2023, 12, 20, 2, 0, 0, TimeSpan.Zero);

    private static Task<int> MainSiteAsync(GovPortal.Data.GovPortalDbContext db) =>
        db.Sites.Select(s => s.Id).SingleAsync();

    private static Task<RunningPortal> StartAtAsync(FixedTimeProvider clock) =>
        RunningPortal.StartAsync(configureServices: services => services.AddSingleton<TimeProvider>(clock));

    [Fact]
    public async Task A_fresh_site_passes_every_indicator()
    {
        await using var portal = await StartAtAsync(new FixedTimeProvider(JustAfterTheDemoNews));
        var report = await portal.Service<HealthChecker>().CheckAsync();
        Assert.Empty(report.Problems);
        Assert.False(report.FailsSingleVeto);
    }

    [Fact]
    public async Task Stale_home_page_and_channels_fail_single_veto()
    {
        var clock = new FixedTimeProvider(JustAfterTheDemoNews);
        await using var portal = await StartAtAsync(clock);
        clock.Now = new DateTimeOffset(2024, 1, 20, 0, 0, 0, TimeSpan.Zero);

        var report = await portal.Service<HealthChecker>().CheckAsync();

        Assert.True(report.FailsSingleVeto);
        Assert.Contains(report.Problems, p => p.Indicator == "首页栏目信息更新" && p.SingleVeto);
        Assert.Contains(report.Problems, p => p.Indicator == "栏目不更新" && p.Where == "/xwzx/xcyw/"); // 14 days
        Assert.Contains(report.Problems, p => p.Indicator == "栏目不更新" && p.Where == "/xwzx/bmdt/"); // 30 days
        Assert.DoesNotContain(report.Problems, p => p.Where == "/zcwj/"); // 180 days: still in time
    }

    [Fact]
    public async Task Empty_channels_are_listed_and_more_than_five_fail_the_site()
    {
        await using var portal = await StartAtAsync(new FixedTimeProvider(JustAfterTheDemoNews));
        await using (var db = portal.Settings.Database.CreateContext())
        {
            db.Channels.Add(
                new Channel { SiteId = await MainSiteAsync(db), Name = "人事信息", Slug = "rsxx", SortOrder = 9 });
            await db.SaveChangesAsync();
        }
        // Published as the back office does when a channel is added: the navigation of every page, including the
        // 互动交流 pages the portal refreshes in the background, then links to a channel page that exists.
        await portal.Service<Publisher>().PublishAllAsync();
        var one = await portal.Service<HealthChecker>().CheckAsync();
        var problem = Assert.Single(one.Problems);
        Assert.Equal(("空白栏目", false, "/rsxx/"), (problem.Indicator, problem.SingleVeto, problem.Where));

        await using (var db = portal.Settings.Database.CreateContext())
        {
            var site = await MainSiteAsync(db);
            for (var i = 0; i < 5; i++)
                db.Channels.Add(new Channel { SiteId = site, Name = $"专题{i}", Slug = $"zt{i}", SortOrder = 10 + i });
            await db.SaveChangesAsync();
        }
        await portal.Service<Publisher>().PublishAllAsync();
        var six = await portal.Service<HealthChecker>().CheckAsync();
        Assert.Equal(6, six.Problems.Count(p => p.Indicator == "空白栏目"));
        Assert.True(six.FailsSingleVeto);
    }

    [Fact]
    public async Task Broken_internal_links_are_reported_with_the_page_that_holds_them()
    {
        await using var portal = await StartAtAsync(new FixedTimeProvider(JustAfterTheDemoNews));
        var seed = await portal.SeedArticleAsync();
        await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.BodyHtml +=
            "<p><a href=\"/xwzx/none.html\">旧链接</a> <a href=\"../../xcyw/\">相城要闻</a> <a " +
                "href=\"/files/0123456789abcdef0123456789abcdef.pdf\">附件</a>" +
            " <a href=\"/zh-hant/xwzx/xcyw/\">繁體</a> <a href=\"/elder/xwzx/gone.html\">适老版旧链接</a> <a " +
                "href=\"/zh-hant/xwzx/xcyw/rss.xml\">订阅</a></p>");

        var report = await portal.Service<HealthChecker>().CheckAsync();

        var broken = report.Problems.Where(p => p.Indicator == "不可用链接").ToList();
        Assert.Equal(4, broken.Count); // every page's links to its own elder and Traditional forms are fine
        Assert.Contains(broken, p => p.Detail.Contains("/elder/xwzx/gone.html"));
        Assert.Contains(broken, p => p.Detail.Contains("/zh-hant/xwzx/xcyw/rss.xml")); // feeds have no forms
        Assert.All(broken, p => Assert.Equal(seed.Url, p.Where));
        Assert.Contains(broken, p => p.Detail.Contains("/xwzx/none.html"));
        Assert.Contains(broken, p => p.Detail.Contains(".pdf"));
        Assert.False(report.FailsSingleVeto);
    }

    /// <summary>
    /// Lets requests reach this machine only: the demo pages also link to real sites (share links, the province's
    /// login), which a test must never contact. Those count as unreachable here.
    /// </summary>
    private sealed class LoopbackOnlyHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
            CancellationToken cancellationToken) =>
            request.RequestUri is { IsLoopback: true } ? base.SendAsync(request, cancellationToken)
                : throw new HttpRequestException("not on this machine");
    }

    [Fact]
    public async Task External_links_are_checked_only_when_asked()
    {
        await using var portal = await RunningPortal.StartAsync(configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(new FixedTimeProvider(JustAfterTheDemoNews));
            services.AddSingleton(new ExternalLinkProbe(new LoopbackOnlyHandler()));
        });
        var seed = await portal.SeedArticleAsync();
        var other = $"http://127.0.0.1:{portal.Address.Port}"; // another host as far as the site is concerned
        await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.BodyHtml +=
            $"<p><a href=\"{other}/\">可用</a> <a href=\"{other}/missing.html\">失效</a></p>");

        Assert.DoesNotContain((await portal.Service<HealthChecker>().CheckAsync()).Problems,
            p => p.Indicator == "不可用链接");
        var report = await portal.Service<HealthChecker>().CheckAsync(checkExternalLinks: true);
        var broken = report.Problems.Where(p => p.Indicator == "不可用链接" && p.Detail.Contains(other)).ToList();
        var problem = Assert.Single(broken);
        Assert.Contains("missing.html", problem.Detail);
        Assert.Contains("404", problem.Detail);
    }

    [Fact]
    public async Task Spam_on_a_live_page_and_tamper_events_are_reported()
    {
        // A page changed on disk and not yet put back (the watcher would do it at once; here the sweep does it later).
        await using var portal = await RunningPortal.StartAsync(configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(new FixedTimeProvider(JustAfterTheDemoNews));
            TamperGuardTests.SweepAlone(services);
        });
        var seed = await portal.SeedArticleAsync();
        var file = Path.Combine(portal.Output.PublicDirectory, seed.Url!.TrimStart('/'));
        await File.AppendAllTextAsync(file, "\n一区二区三区视频在线观看,国产不卡AV在线\n");

        var tampered = await portal.Service<HealthChecker>().CheckAsync();
        Assert.Contains(tampered.Problems, p => p.Indicator == "色情信息" && p.SingleVeto && p.Where.StartsWith(seed.Url!));

        portal.Service<TamperGuard>().Sweep(); // puts the page back and records the event
        var handled = await portal.Service<HealthChecker>().CheckAsync();
        Assert.DoesNotContain(handled.Problems, p => p.Indicator == "色情信息");
        var tamper = Assert.Single(handled.Problems, p => p.Indicator == "网页防篡改");
        Assert.False(tamper.SingleVeto); // handled in time
        Assert.Equal(seed.Url, tamper.Where);
    }

    [Fact]
    public void Csv_quotes_fields_and_never_starts_a_formula()
    {
        var report = new HealthReport(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), [],
            [new HealthProblem("不可用链接", false, "=HYPERLINK(\"x\")", "说明,含逗号和\"引号\"")]);
        var csv = report.ToCsv();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text);
        Assert.Contains("\"说明,含逗号和\"\"引号\"\"\"", text);
        Assert.StartsWith("检查时间,指标,单项否决,位置,说明", text);
    }
}
