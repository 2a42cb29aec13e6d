using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Consultations;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// A portal stopped over a consultation's end: on its next start the closing service publishes the page as 已结束
/// by itself (nothing in memory survives, the database and the output do).
/// </summary>
public sealed class ConsultationRestartTests
{
    [Fact]
    public async Task A_consultation_that_ended_while_the_portal_was_stopped_is_closed_on_the_next_start()
    {
        using var data = new TempDirectory();
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
        var manager = new Staff("yjzjgly", "信箱管理员", new HashSet<string> { StaffRoles.Mailbox }, new HashSet<int>(),
            "127.0.0.1");
        var now = clock.Now.UtcDateTime;
        int id;
        await using (var first = await RunningPortal.StartAsync(dataDirectory: data.Path,
                         configureServices: s => s.AddSingleton<TimeProvider>(clock)))
        {
            var saved = await first.Service<ConsultationAdministration>().CreateAsync(manager,
                new ConsultationForm("停机期间结束的征集", "", "<p>正文</p>", "",
                    ConsultationForm.TimeText(now.AddHours(-1)), ConsultationForm.TimeText(now.AddHours(1))),
                CancellationToken.None);
            Assert.True(saved.Result.Succeeded, saved.Result.Message);
            id = saved.Id;
            Assert.Contains("征集中", await first.Client.GetStringAsync($"/hdjl/yjzj/{id}.html"));
        }

        clock.Now = clock.Now.AddHours(3);
        await using var second = await RunningPortal.StartAsync(dataDirectory: data.Path,
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string page;
        do
        {
            page = await second.Client.GetStringAsync($"/hdjl/yjzj/{id}.html");
            if (page.Contains("id=\"consultation-state\">已结束")) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Contains("id=\"consultation-state\">已结束", page);
        await using var db = second.Settings.Database.CreateContext();
        Assert.Equal(clock.Now.UtcDateTime,
            (await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == id)).ClosedPageAtUtc);
    }
}
