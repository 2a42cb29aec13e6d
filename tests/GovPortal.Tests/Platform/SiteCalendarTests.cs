using System.Globalization;
using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Disclosure;
using GovPortal.Tests.Disclosure;
using GovPortal.Tests.Interaction;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Platform;

/// <summary>
/// 本站补充日历: a site other than the first adds its own rest days and 调休 working days on top of the platform's
/// calendar. They move that site's deadlines (applications, letters) and nobody else's; the district's calendar, its
/// page and its deadlines stay as they were; a wrong line saves nothing.
/// </summary>
public sealed class SiteCalendarTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPortal Portal => fixture.Portal;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A 系统管理员 of the site (the first site's when no code is given), made once per fixture.
    private async Task<StaffClient> AdministratorAsync(string? siteCode, string userName)
    {
        if (!await TestAccounts.ExistsAsync(Portal, userName))
        {
            if (siteCode is null) await TestAccounts.CreateAsync(Portal, userName, [StaffRoles.Administrator]);
            else await TestAccounts.CreateOnSiteAsync(Portal, siteCode, userName, [StaffRoles.Administrator]);
        }
        return await StaffClient.SignInAsync(Portal, userName);
    }

    private async Task<int> SiteIdAsync(string code)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Sites.Where(s => s.Code == code).Select(s => s.Id).SingleAsync();
    }

    [Fact]
    public async Task A_towns_own_rest_days_move_the_deadlines_on_its_site_and_leave_the_districts_unchanged()
    {
        await Portal.EnterCalendarThroughNextYearAsync();
        var today = Portal.Service<DisclosureIntake>().Today;
        var platform = await Portal.CalendarAsync();
        // Read (and so cached) before the save: the save must not leave this copy in use.
        Assert.Equal(platform.Deadline(today, 20), (await Portal.CalendarAsync("hd")).Deadline(today, 20));

        // The next three working days become the town's own holiday (across a new year, each year on its page).
        var rest = Enumerable.Range(1, 3).Select(n => platform.AddWorkingDays(today, n).Date!.Value).ToList();
        using var town = await AdministratorAsync("hd", "hd-rili");
        foreach (var year in rest.GroupBy(d => d.Year))
        {
            var saved = await town.PostAsync($"calendar/own/{year.Key}",
                [new("days", string.Join("\n", year.Select(d => $"{Day(d)} 休 壮族三月三")))]);
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        }

        var townDue = platform.AddWorkingDays(today, 23).Date!.Value;
        var districtDue = platform.Deadline(today, 20).Date!.Value;
        Assert.Equal(townDue, (await Portal.CalendarAsync("hd")).Deadline(today, 20).Date);
        Assert.Equal(districtDue, (await Portal.CalendarAsync()).Deadline(today, 20).Date);

        // 依申请公开: the receipt and the lookup on each site.
        using var townApplicant = new Applicant(Portal, "hd.localhost");
        using var districtApplicant = new Applicant(Portal);
        var (townNumber, townCode) = await townApplicant.ApplyAsync();
        var (districtNumber, districtCode) = await districtApplicant.ApplyAsync();
        var (_, found, _) = await townApplicant.LookupAsync(townNumber, townCode);
        Assert.Equal(Day(townDue), found.QuerySelector("#found-due").Text());
        var (_, districtFound, _) = await districtApplicant.LookupAsync(districtNumber, districtCode);
        Assert.Equal(Day(districtDue), districtFound.QuerySelector("#found-due").Text());
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var townApplication = await db.DisclosureApplications.SingleAsync(a => a.Number == townNumber);
            var districtApplication = await db.DisclosureApplications.SingleAsync(a => a.Number == districtNumber);
            Assert.Equal(townDue,
                DisclosureDeadlines.AnswerDue(townApplication, await Portal.CalendarAsync("hd")).Date);
            Assert.Equal(districtDue,
                DisclosureDeadlines.AnswerDue(districtApplication, await Portal.CalendarAsync()).Date);
        }

        // The town's 信息公开 officer sees the town's deadline in the back office.
        await TestAccounts.CreateOnSiteAsync(Portal, "hd", "hd-rili-xxgk", [StaffRoles.Disclosure]);
        using (var officer = await StaffClient.SignInAsync(Portal, "hd-rili-xxgk"))
        {
            int id;
            await using (var db = Portal.Settings.Database.CreateContext())
                id = await db.DisclosureApplications.Where(a => a.Number == townNumber).Select(a => a.Id)
                    .SingleAsync();
            var detail = Html.Parse(await officer.GetPageAsync($"applications/{id}"));
            Assert.StartsWith(Day(townDue), detail.QuerySelector("#detail-due").Text());
        }

        // 信件: the same mailbox on each site, each counting on its own calendar (receipt and lookup).
        using var townWriter = new LetterWriter(Portal, "hd.localhost");
        using var districtWriter = new LetterWriter(Portal);
        var (townStatus, townReceipt, townHtml) = await townWriter.WriteAsync(LetterWriter.ValidFields());
        Assert.True(townStatus == HttpStatusCode.OK, townHtml);
        var (districtStatus, districtReceipt, districtHtml) =
            await districtWriter.WriteAsync(LetterWriter.ValidFields());
        Assert.True(districtStatus == HttpStatusCode.OK, districtHtml);
        var townLetterNumber = townReceipt.QuerySelector("#receipt-number").Text();
        int townDays, districtDays;
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            townDays = await db.Letters.Where(l => l.Number == townLetterNumber).Select(l => l.ReplyDays).SingleAsync();
            var districtLetterNumber = districtReceipt.QuerySelector("#receipt-number").Text();
            districtDays = await db.Letters.Where(l => l.Number == districtLetterNumber).Select(l => l.ReplyDays)
                .SingleAsync();
        }
        var townLetterDue = Day((await Portal.CalendarAsync("hd")).Deadline(today, townDays).Date!.Value);
        var districtLetterDue = Day(platform.Deadline(today, districtDays).Date!.Value);
        Assert.Equal(townLetterDue, townReceipt.QuerySelector("#receipt-due").Text()[..10]);
        Assert.Equal(districtLetterDue, districtReceipt.QuerySelector("#receipt-due").Text()[..10]);
        Assert.True(string.CompareOrdinal(townLetterDue, districtLetterDue) > 0);
        var (_, townLookup, _) = await townWriter.LookupAsync(townLetterNumber,
            townReceipt.QuerySelector("#receipt-code").Text());
        Assert.Equal(townLetterDue, townLookup.QuerySelector("#found-due").Text()[..10]);

        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var hd = await SiteIdAsync("hd");
            Assert.Contains(await db.AuditEntries.Where(e => e.SiteId == hd && e.Action == "工作日历.本站补充")
                .Select(e => e.Details).ToListAsync(), d => d.Contains("壮族三月三"));
        }
    }

    [Fact]
    public async Task A_towns_additions_never_change_the_districts_calendar_page_or_deadlines()
    {
        using var district = await AdministratorAsync(null, "qu-rili");
        var pageBefore = Html.Parse(await district.GetPageAsync("calendar/2025")).QuerySelector("#days").Text();
        var mainBefore = await Portal.CalendarAsync();
        var received = new DateOnly(2025, 3, 28);
        var dueBefore = mainBefore.Deadline(received, 20);

        // 2025-03-31 and 04-01 (Monday, Tuesday) the town's own rest days; 04-06, a Sunday of the platform's 清明
        // holiday, a working day of its own; and a day in 2099, a year the platform has not entered.
        using var town = await AdministratorAsync("wt", "wt-rili");
        Assert.Equal(HttpStatusCode.SeeOther, (await town.PostAsync("calendar/own/2025", [new("days",
            "2025-03-31 休 望亭测试节\n2025-04-01 休 望亭测试节\n2025-04-06 班 调休上班")])).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await town.PostAsync("calendar/own/2099", [new("days", "2099-03-03 休 望亭测试节")])).StatusCode);

        var own = await Portal.CalendarAsync("wt");
        Assert.False(own.IsWorkingDay(new DateOnly(2025, 3, 31)));
        Assert.False(own.IsWorkingDay(new DateOnly(2025, 4, 1)));
        Assert.True(own.IsWorkingDay(new DateOnly(2025, 4, 6)));
        Assert.False(own.Knows(2099));
        Assert.Null(own.IsWorkingDay(new DateOnly(2099, 3, 3)));
        Assert.NotEqual(dueBefore, own.Deadline(received, 20));

        // The district (and every other site) counts as before.
        foreach (var site in new string?[] { null, "hd", "sthjj" })
        {
            var calendar = await Portal.CalendarAsync(site);
            Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 3, 31)));
            Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 4, 6)));
            Assert.Equal(dueBefore, calendar.Deadline(received, 20));
        }
        var page = await district.GetPageAsync("calendar/2025");
        Assert.Equal(pageBefore, Html.Parse(page).QuerySelector("#days").Text());
        Assert.DoesNotContain("望亭测试节", page);
        Assert.DoesNotContain("望亭测试节", await district.GetPageAsync("calendar/2099"));

        // The town's page shows its own days to edit and the platform's to read.
        var townPage = Html.Parse(await town.GetPageAsync("calendar/own/2025"));
        Assert.Contains("2025-04-06 班 调休上班", townPage.QuerySelector("#days").Text());
        Assert.Contains("2025-04-06 休 清明节", townPage.QuerySelector("#platform-days").Text());
    }

    [Fact]
    public async Task A_wrong_line_is_refused_in_chinese_with_everything_typed_kept_and_nothing_saved()
    {
        using var department = await AdministratorAsync("sthjj", "sthjj-rili");
        var before = await Portal.CalendarAsync("sthjj");
        const string typed = "2026-04-20 休 壮族三月三\n2026-13-01 休 错误日期\n2026-04-22 班 调休上班\n"
            + "2027-01-04 休 不在这一年\n2026-04-21 休 一二三四五六七八九十一二三四五六七八九十一\n2026-04-20 休 重复";
        var refused = await department.PostAsync("calendar/own/2026", [new("days", typed)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        var page = Html.Parse(html);
        var errors = page.QuerySelectorAll("[role=alert] li").Select(e => e.Text()).ToList();
        Assert.Equal(
        [
            "第 2 行：日期应写成 2025-10-01 这样的格式。",
            "第 3 行：2026-04-22 是工作日，只有周六、周日才需要标为“班”。",
            "第 4 行：2027-01-04 不在 2026 年。",
            "第 5 行：名称最多 20 个字。",
            "第 6 行：2026-04-20 重复出现。",
        ], errors);
        Assert.Equal(typed.Replace("\n", " ", StringComparison.Ordinal), page.QuerySelector("#days").Text());

        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var site = await SiteIdAsync("sthjj");
            Assert.False(await db.SiteCalendarDays.AnyAsync(d => d.SiteId == site));
            Assert.False(await db.AuditEntries.AnyAsync(e => e.SiteId == site && e.Action == "工作日历.本站补充"));
        }
        var after = await Portal.CalendarAsync("sthjj");
        Assert.True(after.IsWorkingDay(new DateOnly(2026, 4, 20)));
        Assert.Equal(before.Deadline(new DateOnly(2026, 4, 17), 20), after.Deadline(new DateOnly(2026, 4, 17), 20));
    }

    [Fact]
    public async Task The_town_administrator_keeps_only_the_towns_page_and_the_district_is_not_offered_it()
    {
        using var town = await AdministratorAsync("hd", "hd-rili-daohang");
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync("calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync("calendar/2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.PostAsync("calendar/2099",
            [new("source", "本站通知"), new("days", "2099-03-03 休 本站节日")])).StatusCode);
        Assert.False((await Portal.CalendarAsync()).Knows(2099));
        var townHome = await town.GetPageAsync("");
        Assert.Contains("href=\"/admin/calendar/own\"", townHome);
        Assert.Contains("本站补充日历", townHome);
        Assert.DoesNotContain("href=\"/admin/calendar\"", townHome);
        Assert.Equal(HttpStatusCode.OK, (await town.GetAsync("calendar/own")).StatusCode);

        using var district = await AdministratorAsync(null, "qu-rili-daohang");
        var districtHome = await district.GetPageAsync("");
        Assert.Contains("href=\"/admin/calendar\"", districtHome);
        Assert.DoesNotContain("calendar/own", districtHome);
        Assert.DoesNotContain("本站补充日历", districtHome);
        // The first site's calendar is the platform's: it has no additions of its own to keep.
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("calendar/own")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await district.PostAsync("calendar/own/2026", [new("days", "2026-04-20 休 区里的节日")])).StatusCode);
        await using var db = Portal.Settings.Database.CreateContext();
        Assert.False(await db.SiteCalendarDays.AnyAsync(d => d.Name == "区里的节日"));
    }
}
