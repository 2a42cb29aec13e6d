using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Data.Disclosure;
using GovPortal.Disclosure.AnnualReports;
using GovPortal.Safety.Health;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Disclosure;

/// <summary>The demo portal on a clock the tests move (China time 2026-01-10 at start).</summary>
public sealed class AnnualReportPortalFixture : IAsyncLifetime
{
    public FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 10, 2, 0, 0, TimeSpan.Zero));

    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Portal = await RunningPortal.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(Clock));

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// <summary>
/// The annual report on a running portal: table 二 from documents found by the role of their 体裁, the back office
/// per role (信息公开 and administrators write and publish; others are refused and nothing is saved), the published
/// page and index, and the health indicator around 1 and 31 January.
/// </summary>
public sealed class AnnualReportTests(AnnualReportPortalFixture fixture)
    : IClassFixture<AnnualReportPortalFixture>, IAsyncLifetime
{
    private RunningPortal Portal => fixture.Portal;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];
    private readonly List<StaffClient> _clients = [];

    public async Task InitializeAsync()
    {
        await TestAccounts.CreateAsync(Portal, "xxgk" + _suffix, [StaffRoles.Disclosure]);
        await TestAccounts.CreateAsync(Portal, "admin" + _suffix, [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(Portal, "editor" + _suffix, [StaffRoles.Editor], "xwzx");
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Signed in on the clock as the test set it (a session idle for months has expired).</summary>
    private async Task<StaffClient> SignInAsync(string prefix)
    {
        var client = await StaffClient.SignInAsync(Portal, prefix + _suffix);
        _clients.Add(client);
        return client;
    }

    private static void AssertSaved(HttpResponseMessage response, int year)
    {
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith($"/admin/annual-reports/{year}", response.Headers.Location?.OriginalString);
    }

    private static DateTimeOffset China(int year, int month, int day, int hour = 10) =>
        new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static List<KeyValuePair<string, string>> Fields(int version, string fees = "12.5") =>
    [
        new("version", version.ToString()), new("overview", "本年度总体情况第一段。\n第二段。"),
        new("problems", "存在的问题。"), new("otherMatters", "无其他事项。"), new("licences", "120"),
        new("penalties", "35"), new("enforcements", "2"), new("fees", fees), new("review-0", "3"),
        new("review-1", "1"), new("direct-3", "2"), new("after-0", "1"),
    ];

    private async Task<AnnualReport?> ReportAsync(int year)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year);
    }

    [Fact]
    public async Task Table_two_counts_documents_by_the_role_of_their_genre_not_its_name()
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var site = await db.Sites.SingleAsync();
        var genres = await DisclosureLists.ClassificationsAsync(db, site.Id, ClassificationScheme.Genre);
        var regulation = await db.Classifications.SingleAsync(c => c.SiteId == site.Id
            && c.Role == GenreRoles.Regulation);
        regulation.Name = "政府规章（改名）"; // renamed: still counted by its role
        var normative = genres.Single(g => g.Role == GenreRoles.NormativeDocument).Id;
        var notice = genres.First(g => g.Role is null).Id;
        var channel = await db.Channels.FirstAsync(c => c.SiteId == site.Id);
        void Add(int genre, string released, DocumentValidity validity = DocumentValidity.Effective,
            string? changed = null, ArticleStatus status = ArticleStatus.Published) =>
            db.Articles.Add(new Article
            {
                SiteId = site.Id, ChannelId = channel.Id, Kind = DocumentKind.Key, Title = "测试文件 " + released,
                Status = status, Url = $"/test/{Guid.NewGuid():N}.html", PublishedAtUtc = DateTime.UtcNow,
                UpdatedAtUtc = DateTime.UtcNow,
                Disclosure = new DisclosureFacts
                {
                    GenreId = genre, ReleasedOn = DateOnly.Parse(released), Validity = validity,
                    ValidityChangedOn = changed is null ? null : DateOnly.Parse(changed),
                },
            });
        Add(regulation.Id, "2019-03-01");
        Add(regulation.Id, "2019-06-01", DocumentValidity.Repealed, "2019-12-01");
        Add(regulation.Id, "2019-08-01", status: ArticleStatus.Withdrawn); // not live: not counted
        Add(normative, "2019-04-01");
        Add(normative, "2018-04-01", DocumentValidity.Expired, "2020-01-01");
        Add(notice, "2019-05-01"); // neither genre
        await db.SaveChangesAsync();

        var figures = await AnnualReportFigures.ComputeAsync(db, site.Id, 2019, CancellationToken.None);

        Assert.Equal(new DocumentCounts(Issued: 2, Repealed: 1, InForce: 1), figures.Regulations);
        Assert.Equal(new DocumentCounts(Issued: 1, Repealed: 0, InForce: 2), figures.NormativeDocuments);
    }

    [Fact]
    public async Task The_demo_2025_report_is_published_with_tables_from_the_demo_records()
    {
        var report = await ReportAsync(2025);
        var published = report?.Published;
        Assert.NotNull(published);
        var table = published.Applications;
        Assert.Equal(13, table.Row(ApplicationCounting.NewRow).Counts[^1]);
        Assert.Equal(1, table.Row(ApplicationCounting.CarriedInRow).Counts[^1]);
        Assert.Equal(13, table.Row(ApplicationCounting.TotalRow).Counts[^1]);
        Assert.Equal(1, table.Row(ApplicationCounting.CarriedOutRow).Counts[^1]);
        // The demo's documents: one 规范性文件 in force, the other repealed in 2023.
        Assert.Equal(new DocumentCounts(0, 0, 1), published.NormativeDocuments);

        var page = await Portal.Client.GetStringAsync("/zfxxgk/nb/2025/");
        Assert.Contains("苏州市相城区人民政府2025年政府信息公开工作年度报告", page);
        Assert.Contains("<caption>收到和处理政府信息公开申请情况（单位：件）</caption>", page);
        Assert.Contains("全年新收政府信息公开申请13件", page);
        var index = await Portal.Client.GetStringAsync("/zfxxgk/nb/");
        Assert.Contains("href=\"/zfxxgk/nb/2025/\"", index);
    }

    [Fact]
    public async Task The_officer_and_administrators_write_and_publish_others_are_refused()
    {
        fixture.Clock.Now = China(2026, 3, 1);
        var (officer, admin, editor) = (await SignInAsync("xxgk"), await SignInAsync("admin"),
            await SignInAsync("editor"));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("annual-reports/2024")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("annual-reports/2024", Fields(0),
            tokenPage: "")).StatusCode);
        Assert.Null(await ReportAsync(2024));
        var anonymous = StaffClient.Anonymous(Portal);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("annual-reports/2024")).StatusCode);

        var page = await officer.GetPageAsync("annual-reports/2024");
        Assert.Contains("收到和处理政府信息公开申请情况", page);
        Assert.Contains("<h2><label for=\"overview\">一、总体情况</label></h2>", page);

        // A bad figure is refused in Chinese with everything typed kept.
        var bad = await officer.PostAsync("annual-reports/2024", Fields(0, fees: "十二万"));
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("行政事业性收费本年收费金额", badPage);
        Assert.Contains("value=\"十二万\"", badPage);
        Assert.Contains("本年度总体情况第一段。", badPage);
        Assert.Null(await ReportAsync(2024));

        AssertSaved(await officer.PostAsync("annual-reports/2024", Fields(0)), 2024);
        var draft = await ReportAsync(2024);
        Assert.NotNull(draft);
        Assert.Null(draft.PublishedAtUtc);
        Assert.Equal(120, draft.Figures.Licences);
        Assert.Equal(12.5m, draft.Figures.Fees);

        // A form from an older page is refused.
        Assert.Equal(HttpStatusCode.Conflict,
            (await admin.PostAsync("annual-reports/2024/publish", Fields(0))).StatusCode);
        AssertSaved(await admin.PostAsync("annual-reports/2024/publish", Fields(draft.Version)), 2024);
        var published = (await ReportAsync(2024))!.Published;
        Assert.NotNull(published);
        Assert.Equal([3, 1, 0, 0], published.Figures.Review);

        var html = await Portal.Client.GetStringAsync("/zfxxgk/nb/2024/");
        Assert.Contains("本年度总体情况第一段。</p>", html);
        Assert.Contains("<td>12.5</td>", html);
        var index = await Portal.Client.GetStringAsync("/zfxxgk/nb/");
        Assert.True(index.IndexOf("/zfxxgk/nb/2025/", StringComparison.Ordinal)
            < index.IndexOf("/zfxxgk/nb/2024/", StringComparison.Ordinal), "newest year first");

        // This year's report cannot be published before the year is over.
        var early = await officer.PostAsync("annual-reports/2026/publish", Fields(0));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("2026 年尚未结束", await early.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_warns_from_1_January_and_fails_single_veto_after_31_January()
    {
        var checker = Portal.Service<HealthChecker>();
        static HealthProblem? Problem(HealthReport report) =>
            report.Problems.SingleOrDefault(p => p.Indicator == AnnualReportHealth.Indicator);

        fixture.Clock.Now = China(2026, 12, 31, 23);
        Assert.Null(Problem(await checker.CheckAsync())); // the 2025 report is published

        fixture.Clock.Now = China(2027, 1, 1, 0);
        var warning = Problem(await checker.CheckAsync());
        Assert.NotNull(warning);
        Assert.False(warning.SingleVeto);
        Assert.Equal("/zfxxgk/nb/2026/", warning.Where);

        fixture.Clock.Now = China(2027, 1, 31, 23);
        Assert.False(Problem(await checker.CheckAsync())?.SingleVeto);

        fixture.Clock.Now = China(2027, 2, 1, 0);
        var failure = Problem(await checker.CheckAsync());
        Assert.NotNull(failure);
        Assert.True(failure.SingleVeto);
        Assert.Contains("2026 年政府信息公开工作年度报告应于 2027 年 1 月 31 日前公布", failure.Detail);

        var report = await ReportAsync(2026);
        var officer = await SignInAsync("xxgk");
        AssertSaved(await officer.PostAsync("annual-reports/2026/publish", Fields(report?.Version ?? 0)), 2026);
        Assert.Null(Problem(await checker.CheckAsync()));
    }
}
