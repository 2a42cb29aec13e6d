using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Identifiers;
using GovPortal.Content.Organisations;
using GovPortal.Data;
using GovPortal.Data.Disclosure;
using GovPortal.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Disclosure;

/// <summary>
/// 信息公开设置: the site's organisations, its 主题分类 and 体裁分类 lists, and its 索引号 pattern. Every action checks
/// that the person is an administrator, whatever the page offered, and is audited with what changed. Entries that
/// content uses are never deleted, only deactivated; a rename republishes the site, since document pages show names.
/// </summary>
public sealed class DisclosureAdministration(DatabaseOptions database, ISitePublishers publishers, AuditLog audit)
{
    private const string NotAllowedMessage = "只有系统管理员可以管理信息公开设置。";

    public async Task<DisclosureOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var pattern = await db.Sites.Where(s => s.Id == siteId).Select(s => s.IndexNumberPattern)
            .FirstAsync(cancellationToken);
        var organisations = await DisclosureLists.OrganisationsAsync(db, siteId, cancellationToken);
        var topics = await DisclosureLists.ClassificationsAsync(db, siteId, ClassificationScheme.Topic,
            cancellationToken);
        var genres = await DisclosureLists.ClassificationsAsync(db, siteId, ClassificationScheme.Genre,
            cancellationToken);
        var byOrganisation = await db.Articles.Where(a => a.Disclosure.OrganisationId != null)
            .GroupBy(a => a.Disclosure.OrganisationId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byTopic = await db.Articles.Where(a => a.Disclosure.TopicId != null)
            .GroupBy(a => a.Disclosure.TopicId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byGenre = await db.Articles.Where(a => a.Disclosure.GenreId != null)
            .GroupBy(a => a.Disclosure.GenreId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new DisclosureOverview(
            IndexNumberPattern: pattern,
            Organisations: organisations
                .Select(o => new ListEntry<Organisation>(o, byOrganisation.GetValueOrDefault(o.Id))).ToList(),
            Topics: topics.Select(c => new ListEntry<Classification>(c, byTopic.GetValueOrDefault(c.Id))).ToList(),
            Genres: genres.Select(c => new ListEntry<Classification>(c, byGenre.GetValueOrDefault(c.Id))).ToList());
    }

    public async Task<BackOfficeResult> AddOrganisationAsync(Staff actor, OrganisationForm form,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var name = form.Name.Trim();
        var code = UnifiedSocialCreditCode.Normalize(form.CreditCode);
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var problem = NameProblem(name, Organisation.MaxNameLength, "机构名称")
            ?? UnifiedSocialCreditCode.Problem(code)
            ?? SortProblem(form.SortOrder, out _)
            ?? (await db.Organisations.AnyAsync(o => o.SiteId == siteId && o.Name == name, cancellationToken)
                ? $"已有名为“{name}”的机构。" : null);
        if (problem is not null) return BackOfficeResult.Refused(problem);
        SortProblem(form.SortOrder, out var sortOrder);
        var last = await db.Organisations.Where(o => o.SiteId == siteId).Select(o => (int?)o.SortOrder)
            .MaxAsync(cancellationToken) ?? 0;
        var organisation = new Organisation
        {
            SiteId = siteId, Name = name, CreditCode = code, SortOrder = sortOrder ?? last + 1,
        };
        db.Organisations.Add(organisation);
        using var change = publishers.Current().BeginChange();
        await db.SaveChangesAsync(cancellationToken);
        change.Saved();
        await AuditAsync(actor, $"机构 {organisation.Id}", $"新增机构“{name}”（统一社会信用代码 {code}）", cancellationToken);
        await publishers.Current().PublishAllAsync(cancellationToken); // the catalogue lists every active organisation
        change.Published();
        await ShareAsync(siteId, cancellationToken);
        return BackOfficeResult.Done($"已新增机构“{name}”。");
    }

    public async Task<BackOfficeResult> UpdateOrganisationAsync(Staff actor, int id, OrganisationForm form,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var name = form.Name.Trim();
        var code = UnifiedSocialCreditCode.Normalize(form.CreditCode);
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id && o.SiteId == siteId,
            cancellationToken);
        if (organisation is null) return BackOfficeResult.Missing("找不到这个机构。");
        if (organisation.PlatformId is not null) return BackOfficeResult.Refused(PlatformEntryMessage("机构"));
        var problem = NameProblem(name, Organisation.MaxNameLength, "机构名称")
            ?? UnifiedSocialCreditCode.Problem(code)
            ?? SortProblem(form.SortOrder, out _)
            ?? (await db.Organisations.AnyAsync(o => o.SiteId == siteId && o.Name == name && o.Id != id,
                cancellationToken) ? $"已有名为“{name}”的机构。" : null);
        if (problem is not null) return BackOfficeResult.Refused(problem);
        SortProblem(form.SortOrder, out var sortOrder);
        var changes = new List<string>();
        if (organisation.Name != name) changes.Add($"名称“{organisation.Name}”→“{name}”");
        if (organisation.CreditCode != code) changes.Add($"统一社会信用代码 {organisation.CreditCode} → {code}");
        if (sortOrder is { } order && order != organisation.SortOrder)
            changes.Add($"排序 {organisation.SortOrder} → {order}");
        if (organisation.Active != form.Active) changes.Add(form.Active ? "重新启用" : "停用");
        if (changes.Count == 0) return BackOfficeResult.Done("没有需要保存的修改。");
        // The catalogue (/zfxxgk/ml/) lists organisations by name, in order, while active.
        var renamed = organisation.Name != name || (sortOrder is { } o && o != organisation.SortOrder)
            || organisation.Active != form.Active;
        (organisation.Name, organisation.CreditCode, organisation.Active) = (name, code, form.Active);
        organisation.SortOrder = sortOrder ?? organisation.SortOrder;
        using var change = renamed ? publishers.Current().BeginChange() : null;
        await db.SaveChangesAsync(cancellationToken);
        change?.Saved();
        await AuditAsync(actor, $"机构 {id}", $"修改机构“{name}”：{string.Join("；", changes)}", cancellationToken);
        if (renamed) await publishers.Current().PublishAllAsync(cancellationToken);
        change?.Published();
        await ShareAsync(siteId, cancellationToken);
        return BackOfficeResult.Done(renamed ? $"已保存机构“{name}”，网站上的文件页面已更新。" : $"已保存机构“{name}”。");
    }

    /// <summary>Deletes an organisation nothing names; one in use can only be deactivated.</summary>
    public async Task<BackOfficeResult> DeleteOrganisationAsync(Staff actor, int id,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id && o.SiteId == siteId,
            cancellationToken);
        if (organisation is null) return BackOfficeResult.Missing("找不到这个机构。");
        if (organisation.PlatformId is not null) return BackOfficeResult.Refused(PlatformEntryMessage("机构"));
        var used = await db.Articles.CountAsync(a => a.Disclosure.OrganisationId == id, cancellationToken)
            + await db.Revisions.CountAsync(r => r.Disclosure.OrganisationId == id, cancellationToken);
        if (used > 0)
            return BackOfficeResult.Refused($"机构“{organisation.Name}”已被文件（含历史版本）使用，不能删除，只能停用。停用后不再供新文件选择，已有文件不受影响。");
        db.Organisations.Remove(organisation);
        using var change = publishers.Current().BeginChange();
        await db.SaveChangesAsync(cancellationToken);
        change.Saved();
        await AuditAsync(actor, $"机构 {id}", $"删除未使用的机构“{organisation.Name}”", cancellationToken);
        await publishers.Current().PublishAllAsync(cancellationToken); // its empty catalogue page goes
        change.Published();
        await ShareAsync(siteId, cancellationToken);
        return BackOfficeResult.Done($"已删除机构“{organisation.Name}”。");
    }

    public async Task<BackOfficeResult> AddClassificationAsync(Staff actor, ClassificationScheme scheme,
        string name, CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        name = name.Trim();
        var label = SchemeLabel(scheme);
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        await DisclosureLists.EnsureDefaultsAsync(db, siteId, cancellationToken);
        var problem = NameProblem(name, Classification.MaxNameLength, label + "名称")
            ?? (await db.Classifications.AnyAsync(c => c.SiteId == siteId && c.Scheme == scheme && c.Name == name,
                cancellationToken) ? $"{label}中已有“{name}”。" : null);
        if (problem is not null) return BackOfficeResult.Refused(problem);
        var last = await db.Classifications.Where(c => c.SiteId == siteId && c.Scheme == scheme)
            .Select(c => (int?)c.SortOrder).MaxAsync(cancellationToken) ?? 0;
        var entry = new Classification { SiteId = siteId, Scheme = scheme, Name = name, SortOrder = last + 1 };
        db.Classifications.Add(entry);
        using var change = scheme == ClassificationScheme.Topic ? publishers.Current().BeginChange() : null;
        await db.SaveChangesAsync(cancellationToken);
        change?.Saved();
        await AuditAsync(actor, $"{label} {entry.Id}", $"{label}新增“{name}”", cancellationToken);
        // A new topic gets its page in the catalogue.
        if (scheme == ClassificationScheme.Topic) await publishers.Current().PublishAllAsync(cancellationToken);
        change?.Published();
        await ShareAsync(siteId, cancellationToken);
        return BackOfficeResult.Done($"已在{label}中新增“{name}”。");
    }

    public async Task<BackOfficeResult> UpdateClassificationAsync(Staff actor, int id, ClassificationForm form,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var name = form.Name.Trim();
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var entry = await db.Classifications.FirstOrDefaultAsync(c => c.Id == id && c.SiteId == siteId,
            cancellationToken);
        if (entry is null) return BackOfficeResult.Missing("找不到这个分类。");
        var label = SchemeLabel(entry.Scheme);
        if (entry.PlatformId is not null) return BackOfficeResult.Refused(PlatformEntryMessage(label));
        var problem = NameProblem(name, Classification.MaxNameLength, label + "名称")
            ?? SortProblem(form.SortOrder, out _)
            ?? (await db.Classifications.AnyAsync(c => c.SiteId == siteId && c.Scheme == entry.Scheme
                && c.Name == name && c.Id != id, cancellationToken) ? $"{label}中已有“{name}”。" : null);
        if (problem is not null) return BackOfficeResult.Refused(problem);
        SortProblem(form.SortOrder, out var sortOrder);
        var changes = new List<string>();
        if (entry.Name != name) changes.Add($"名称“{entry.Name}”→“{name}”");
        if (sortOrder is { } order && order != entry.SortOrder) changes.Add($"排序 {entry.SortOrder} → {order}");
        if (entry.Active != form.Active) changes.Add(form.Active ? "重新启用" : "停用");
        if (changes.Count == 0) return BackOfficeResult.Done("没有需要保存的修改。");
        // The catalogue (/zfxxgk/ml/) lists topics by name, in order, while active.
        var renamed = entry.Name != name || (sortOrder is { } o && o != entry.SortOrder) || entry.Active != form.Active;
        (entry.Name, entry.Active) = (name, form.Active);
        entry.SortOrder = sortOrder ?? entry.SortOrder;
        using var change = renamed ? publishers.Current().BeginChange() : null;
        await db.SaveChangesAsync(cancellationToken);
        change?.Saved();
        await AuditAsync(actor, $"{label} {id}", $"修改{label}“{name}”：{string.Join("；", changes)}", cancellationToken);
        if (renamed) await publishers.Current().PublishAllAsync(cancellationToken);
        change?.Published();
        await ShareAsync(siteId, cancellationToken);
        return BackOfficeResult.Done(renamed ? $"已保存“{name}”，网站上的文件页面已更新。" : $"已保存“{name}”。");
    }

    public async Task<BackOfficeResult> DeleteClassificationAsync(Staff actor, int id,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var entry = await db.Classifications.FirstOrDefaultAsync(c => c.Id == id && c.SiteId == siteId,
            cancellationToken);
        if (entry is null) return BackOfficeResult.Missing("找不到这个分类。");
        var label = SchemeLabel(entry.Scheme);
        if (entry.PlatformId is not null) return BackOfficeResult.Refused(PlatformEntryMessage(label));
        var used = await db.Articles.CountAsync(a => a.Disclosure.TopicId == id || a.Disclosure.GenreId == id,
                cancellationToken)
            + await db.Revisions.CountAsync(r => r.Disclosure.TopicId == id || r.Disclosure.GenreId == id,
                cancellationToken);
        if (used > 0) return BackOfficeResult.Refused($"{label}“{entry.Name}”已被文件（含历史版本）使用，不能删除，只能停用。");
        if (entry.Role is not null)
            return BackOfficeResult.Refused($"“{entry.Name}”是年度报告统计所用的体裁，不能删除，可以改名或停用。");
        db.Classifications.Remove(entry);
        using var change = entry.Scheme == ClassificationScheme.Topic ? publishers.Current().BeginChange() : null;
        await db.SaveChangesAsync(cancellationToken);
        change?.Saved();
        await AuditAsync(actor, $"{label} {id}", $"删除未使用的{label}“{entry.Name}”", cancellationToken);
        if (entry.Scheme == ClassificationScheme.Topic) await publishers.Current().PublishAllAsync(cancellationToken);
        change?.Published();
        await ShareAsync(siteId, cancellationToken);
        return BackOfficeResult.Done($"已删除{label}“{entry.Name}”。");
    }

    /// <summary>Sets the site's 索引号 pattern; an invalid one is refused with the reason.</summary>
    public async Task<BackOfficeResult> SetIndexNumberPatternAsync(Staff actor, string text,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var (pattern, problem) = IndexNumberPattern.Parse(text);
        if (pattern is null) return BackOfficeResult.Refused(problem! + "索引号规则未保存。");
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var site = await db.Sites.FirstAsync(s => s.Id == siteId, cancellationToken);
        if (site.IndexNumberPattern == pattern.Text) return BackOfficeResult.Done("没有需要保存的修改。");
        var before = site.IndexNumberPattern;
        site.IndexNumberPattern = pattern.Text;
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, "索引号规则", $"索引号规则：{before} → {pattern.Text}", cancellationToken);
        return BackOfficeResult.Done(
            $"已保存索引号规则 {pattern.Text}，此后新建的文件按新规则生成索引号"
            + $"（例如 {pattern.Format("11320507014160024H", 2026, 1)}），已有文件的索引号不变。");
    }

    // While one site is configured, the lists are the first site's (as for channels).
    private static Task<int> SiteIdAsync(GovPortalDbContext db, CancellationToken cancellationToken) =>
        db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);

    /// <summary>
    /// After the first site's lists changed: the other sites' copies follow (統一信息资源库), and each site whose list
    /// changed is published again, since its catalogue and document pages show the names.
    /// </summary>
    private async Task ShareAsync(int siteId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        using var everySite = SiteScope.Leave();
        if (siteId != await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken)) return;
        foreach (var code in await PlatformLists.SyncAsync(db, cancellationToken: cancellationToken))
            await publishers.For(code).PublishAllAsync(cancellationToken);
    }

    private static string PlatformEntryMessage(string label) =>
        $"这是平台统一维护的{label}，由平台（第一个网站）的系统管理员修改，本站不能修改或删除。本站需要的可以另行新增。";

    private Task AuditAsync(Staff actor, string target, string details, CancellationToken cancellationToken) =>
        audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.DisclosureListsChanged, target, details,
            cancellationToken);

    public static string SchemeLabel(ClassificationScheme scheme) =>
        scheme == ClassificationScheme.Topic ? "主题分类" : "体裁分类";

    private static string? NameProblem(string name, int max, string label) =>
        name.Length == 0 ? $"请填写{label}。"
        : name.Length > max ? $"{label}不能超过 {max} 个字。"
        : name.Any(char.IsControl) ? $"{label}中有不可见的控制字符。"
        : null;

    private static string? SortProblem(string text, out int? order)
    {
        order = null;
        text = text.Trim();
        if (text.Length == 0) return null;
        if (!int.TryParse(text, out var value) || value is < -10000 or > 10000)
            return "排序应为 -10000 到 10000 之间的整数，或留空。";
        order = value;
        return null;
    }
}

/// <summary>An entry of a list with how many documents (live articles and revisions excluded) use it.</summary>
public sealed record ListEntry<T>(T Entry, int UsedBy);

public sealed record DisclosureOverview(
    string IndexNumberPattern,
    IReadOnlyList<ListEntry<Organisation>> Organisations,
    IReadOnlyList<ListEntry<Classification>> Topics,
    IReadOnlyList<ListEntry<Classification>> Genres);

public sealed record OrganisationForm(string Name, string CreditCode, string SortOrder = "", bool Active = true);

public sealed record ClassificationForm(string Name, string SortOrder = "", bool Active = true);
