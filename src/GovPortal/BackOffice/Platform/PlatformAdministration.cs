using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Settings;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Platform;

/// <summary>One site as the 平台管理员 sees it.</summary>
public sealed record PlatformSiteRow(int Id, string Code, string Name, string BaseUrl, string HostNames,
    bool Suspended, bool First, int Articles, int Accounts);

/// <summary>What the 平台管理员 types to make a site, kept as typed when it is refused.</summary>
public sealed record NewSiteForm(string Code, string Name, string BaseUrl, string HostNames, string AdministratorName)
{
    public static NewSiteForm Empty { get; } = new("", "", "", "", "");
}

/// <summary>The first 系统管理员 of a new site, whose password is shown once.</summary>
public sealed record NewSiteAdministrator(string UserName, string Password);

/// <summary>
/// 平台管理: the sites of the platform. A new site gets its own output folder, its first 系统管理员 (who then makes
/// its channels, staff and footer facts) and is published at once; renaming or moving a site republishes it; a paused
/// site answers the public with a notice and its staff cannot sign in. The first site, which runs the platform, can be
/// renamed but not paused. Every change is audited.
/// </summary>
public sealed class PlatformAdministration(DatabaseOptions database, ISitePublishers publishers,
    UserManager<StaffUser> users, Interaction.Letters.DefaultMailboxes mailboxes, AuditLog audit)
{
    private const string NotAllowedMessage = "只有平台管理员可以管理平台上的网站。";

    private string FirstSiteCode => publishers.First.SiteCode;

    public async Task<List<PlatformSiteRow>> SitesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        using var everySite = SiteScope.Leave();
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var articles = await db.Articles.GroupBy(a => a.SiteId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var accounts = await db.Users.GroupBy(u => u.SiteId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return sites.Select(s => new PlatformSiteRow(s.Id, s.Code, s.Name, s.BaseUrl, s.HostNames, s.Suspended,
            s.Code == FirstSiteCode, articles.GetValueOrDefault(s.Id), accounts.GetValueOrDefault(s.Id))).ToList();
    }

    public async Task<(BackOfficeResult Result, NewSiteAdministrator? Administrator)> CreateAsync(Staff actor,
        NewSiteForm form, CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.PlatformAdministrator)) return (BackOfficeResult.NotAllowed(NotAllowedMessage), null);
        var code = form.Code.Trim().ToLowerInvariant();
        var adminName = form.AdministratorName.Trim();
        if (!OutputLayout.IsValidSiteCode(code))
            return (Refused("网站代码应为 1 到 32 个小写字母、数字或连字符（-），且不以连字符开头，例如 hdz。"), null);
        if (FactProblem(form.Name, form.BaseUrl, form.HostNames) is { } problem)
            return (Refused(problem), null);
        if (adminName.Length is < 2 or > 64)
            return (Refused("请填写新网站系统管理员的账号名（2 到 64 个字符：字母、数字、点、- 和 _）。"), null);

        await using var db = database.CreateContext();
        Site site;
        using (SiteScope.Leave())
        {
            if (await db.Sites.AnyAsync(s => s.Code == code, cancellationToken))
                return (Refused($"网站代码“{code}”已被使用，请换一个。"), null);
            if (await SiteHostClaims.ConflictAsync(db, null, form.BaseUrl.Trim(), form.HostNames.Trim(),
                    cancellationToken) is { } clash)
                return (Refused(clash), null);
            if (await users.FindByNameAsync(adminName) is not null)
                return (Refused($"账号名“{adminName}”已被使用（账号名在整个平台内唯一），请换一个。"), null);
            site = new Site { Code = code, Name = "", BaseUrl = "" };
            SetFacts(site, form.Name, form.BaseUrl, form.HostNames);
            site.Sponsor = site.Name;
            db.Sites.Add(site);
            await db.SaveChangesAsync(cancellationToken);
            await mailboxes.EnsureEverySiteAsync(db, cancellationToken);
        }
        var password = FirstAdministrator.RandomPassword();
        var account = new StaffUser
        {
            UserName = adminName, DisplayName = (site.Name.Length > 40 ? site.Name[..40] : site.Name) + "系统管理员",
            MustChangePassword = true, SiteId = site.Id,
        };
        var created = await users.CreateAsync(account, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(account, StaffRoles.Administrator);
        if (!created.Succeeded)
        {
            await RemoveAsync(db, site, account, cancellationToken);
            return (Refused(string.Join("；", created.Errors.Select(e => e.Description))), null);
        }
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SiteCreated, $"网站 {code}",
            $"新建网站“{site.Name}”（{site.BaseUrl}，域名 {Shown(site.HostNames)}），系统管理员账号 {adminName}",
            cancellationToken);
        // The platform's organisations and classifications are the new site's from its first page on.
        await Data.Disclosure.PlatformLists.SyncAsync(db, cancellationToken: cancellationToken);
        // So are the platform's days of mourning: its first pages are grey on them like every other site's.
        await publishers.For(site.Code).PublishMourningDaysAsync(publishers.First.PublishedPlatformMourningDays(),
            cancellationToken);
        var published = await PublishAllAsync(site, cancellationToken);
        return (BackOfficeResult.Done($"已新建网站“{site.Name}”并发布了 {published.Pages} 个页面。" +
            $"请把系统管理员账号和初始密码交给该网站的管理员：首次登录后须修改密码并启用两步验证。"),
            new NewSiteAdministrator(adminName, password));
    }

    public async Task<BackOfficeResult> UpdateAsync(Staff actor, string code, string name, string baseUrl,
        string hostNames, CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.PlatformAdministrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        await using var db = database.CreateContext();
        using var everySite = SiteScope.Leave();
        if (await db.Sites.FirstOrDefaultAsync(s => s.Code == code, cancellationToken) is not { } site)
            return BackOfficeResult.Missing("没有这个网站。");
        if (FactProblem(name, baseUrl, hostNames) is { } problem)
            return Refused(problem);
        if (await SiteHostClaims.ConflictAsync(db, site.Id, baseUrl.Trim(), hostNames.Trim(), cancellationToken)
            is { } clash)
            return Refused(clash);
        var before = (site.Name, site.BaseUrl, site.HostNames);
        SetFacts(site, name, baseUrl, hostNames);
        if (before == (site.Name, site.BaseUrl, site.HostNames)) return BackOfficeResult.Done("网站信息没有变化。");
        var publisher = publishers.For(site.Code);
        // Saved, then published: a stop in between leaves the marker, and the next start publishes the whole site.
        using (var pending = publisher.BeginChange())
        {
            await db.SaveChangesAsync(cancellationToken);
            pending.Saved();
            await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SiteChanged,
                $"网站 {code}", $"名称 {before.Name} → {site.Name}；地址 {before.BaseUrl} → {site.BaseUrl}；" +
                $"域名 {Shown(before.HostNames)} → {Shown(site.HostNames)}", cancellationToken);
            var result = await PublishAllAsync(site, cancellationToken);
            pending.Published();
            return BackOfficeResult.Done($"已保存网站“{site.Name}”，并重新发布了该网站的 {result.Pages} 个页面。");
        }
    }

    /// <summary>暂停 or 恢复: the site's own output says so, so every public node follows without a database.</summary>
    public async Task<BackOfficeResult> SetSuspendedAsync(Staff actor, string code, bool suspended,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.PlatformAdministrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        if (code == FirstSiteCode)
            return Refused("平台的首个网站承载平台本身（包括平台管理），不能暂停。");
        await using var db = database.CreateContext();
        using var everySite = SiteScope.Leave();
        if (await db.Sites.FirstOrDefaultAsync(s => s.Code == code, cancellationToken) is not { } site)
            return BackOfficeResult.Missing("没有这个网站。");
        if (site.Suspended == suspended)
            return BackOfficeResult.Done(suspended ? "这个网站已经暂停。" : "这个网站已经在运行。");
        site.Suspended = suspended;
        await db.SaveChangesAsync(cancellationToken);
        using (SiteScope.Enter(new ScopedSite(site.Id, site.Code)))
            await publishers.For(site.Code).PublishSiteInfoAsync(cancellationToken);
        await audit.WriteAsync(actor.UserName, actor.IpAddress,
            suspended ? AuditActions.SiteSuspended : AuditActions.SiteResumed, $"网站 {code}",
            $"{(suspended ? "暂停" : "恢复")}网站“{site.Name}”", cancellationToken);
        return BackOfficeResult.Done(suspended
            ? $"已暂停网站“{site.Name}”：公众访问时看到暂停服务的提示，该网站的工作人员暂时不能登录。内容都保留，恢复后照旧。"
            : $"已恢复网站“{site.Name}”，公众和工作人员可以照常访问。");
    }

    /// <summary>
    /// 删除: a paused site, named again by its code, is removed with everything it holds (channels, articles, accounts,
    /// letters, applications, its output); the audit log keeps its entries.
    /// </summary>
    public async Task<BackOfficeResult> DeleteAsync(Staff actor, string code, string confirmation,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.PlatformAdministrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        if (code == FirstSiteCode)
            return BackOfficeResult.Refused("平台的首个网站承载平台本身（包括平台管理），不能删除。");
        await using var db = database.CreateContext();
        Site? site;
        using (SiteScope.Leave()) site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code,
            cancellationToken);
        if (site is null) return BackOfficeResult.Missing("没有这个网站。");
        if (!site.Suspended)
            return BackOfficeResult.Refused($"请先暂停网站“{site.Name}”，确认不再需要后再删除。网站未删除。");
        if (confirmation.Trim() != code)
            return BackOfficeResult.Refused($"删除后无法恢复。请在确认框中输入网站代码“{code}”后再删除。网站未删除。");
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await SiteDeletion.DeleteRowsAsync(db, site.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await publishers.CloseAsync(code, cancellationToken);
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SiteDeleted, $"网站 {code}",
            $"删除网站“{site.Name}”（{site.BaseUrl}）及其全部内容、账号和发布目录", cancellationToken);
        return BackOfficeResult.Done($"已删除网站“{site.Name}”：它的栏目、文章、账号、信件、申请和发布目录都已删除，审计日志保留。");
    }

    /// <summary>The platform's days of mourning as 平台管理 shows them: one 年-月-日 a line, in order.</summary>
    public string PlatformMourningDatesText() =>
        SiteSettingsAdministration.FormatDates(publishers.First.PublishedPlatformMourningDays());

    /// <summary>
    /// 全平台置灰: replaces the platform's days of mourning with <paramref name="dates"/> (none clears them) and
    /// applies the change to every site: the days are added to each site's own, and a day taken off the platform's
    /// list is taken off every site, even one whose own 设置 named it too (its administrator can set it again there).
    /// The days a site set for itself alone are kept. A site made later starts with the platform's days.
    /// </summary>
    /// <remarks>
    /// The platform's list is kept as a side file of the first site's output, the way each site keeps its own days:
    /// no table or migration for one short list, and it is backed up, restored and guarded against tampering with
    /// that output. The list is needed only to make a site and to know which days to take off; each site's own file
    /// still decides alone whether its pages are grey, so the public server reads nothing new.
    /// </remarks>
    public async Task<BackOfficeResult> SetMourningEverywhereAsync(Staff actor, IReadOnlyList<DateOnly> dates,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.PlatformAdministrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var before = publishers.First.PublishedPlatformMourningDays();
        var removed = before.Except(dates).ToHashSet();
        // The platform's list first: should a site then fail, saving the same list again applies it to every site,
        // since each site gets the whole list and not only what changed.
        await publishers.First.PublishPlatformMourningDaysAsync(dates, cancellationToken);
        var sites = await SitesAsync(cancellationToken);
        foreach (var site in sites)
        {
            var publisher = publishers.For(site.Code);
            var days = publisher.PublishedMourningDays().Except(removed).Union(dates).Order().ToList();
            await publisher.PublishMourningDaysAsync(days, cancellationToken);
        }
        var (shownBefore, shownAfter) = (Listed(before), Listed(dates));
        if (shownBefore != shownAfter)
            await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.MourningEverywhere, "全平台",
                $"全平台置灰日期：{shownBefore} → {shownAfter}（应用到 {sites.Count} 个网站）", cancellationToken);
        return BackOfficeResult.Done(dates.Count == 0
            ? $"已清空全平台置灰日期，并从平台上的 {sites.Count} 个网站删去了原来的全平台日期，立即生效。"
            : $"已为平台上的 {sites.Count} 个网站保存全平台置灰日期：{shownAfter}，立即生效；以后新建的网站也使用这些日期。");
    }

    private static string Listed(IEnumerable<DateOnly> dates)
    {
        var text = SiteSettingsAdministration.FormatDates(dates);
        return text.Length > 0 ? text.Replace('\n', '、') : "无";
    }

    private async Task<PublishResult> PublishAllAsync(Site site, CancellationToken cancellationToken)
    {
        using (SiteScope.Enter(new ScopedSite(site.Id, site.Code)))
            return await publishers.For(site.Code).PublishAllAsync(cancellationToken);
    }

    private static string? FactProblem(string name, string baseUrl, string hostNames)
    {
        foreach (var (fact, value) in new[] { ("name", name), ("baseUrl", baseUrl), ("hostNames", hostNames) })
            if (SiteFacts.All.First(f => f.Name == fact).Problem(value.Trim()) is { } problem)
                return problem;
        return null;
    }

    private static void SetFacts(Site site, string name, string baseUrl, string hostNames)
    {
        foreach (var (fact, value) in new[] { ("name", name), ("baseUrl", baseUrl), ("hostNames", hostNames) })
            SiteFacts.All.First(f => f.Name == fact).Set(site, value.Trim());
    }

    // A refused account leaves no site behind.
    private async Task RemoveAsync(GovPortalDbContext db, Site site, StaffUser account,
        CancellationToken cancellationToken)
    {
        if (account.Id is { Length: > 0 } && await users.FindByIdAsync(account.Id) is { } made)
            await users.DeleteAsync(made);
        using var everySite = SiteScope.Leave();
        await db.Mailboxes.Where(m => m.SiteId == site.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Sites.Where(s => s.Id == site.Id).ExecuteDeleteAsync(cancellationToken);
    }

    private static BackOfficeResult Refused(string message) => BackOfficeResult.Refused(message + "网站未保存。");

    private static string Shown(string value) => value.Length == 0 ? "（无）" : value;
}
