using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Forms;
using GovPortal.Data;

namespace GovPortal.BackOffice.ContentSafety;

/// <summary>内容安全词库: administrators maintain the sensitive-word and wording lists the checks use.</summary>
public static class ContentSafetyEndpoints
{
    public static void MapContentSafety(this RouteGroupBuilder group)
    {
        MapSiteAdditions(group);
        group.MapGet("/safety", async (HttpContext context, BackOfficePages pages, SafetyLists lists) =>
            await pages.RenderAsync<SafetyListsPage, SafetyListsPageModel>(new SafetyListsPageModel(
                Shell: pages.ShellFor(context, "内容安全词库"),
                SensitiveWords: lists.Current(SafetyLists.SensitiveWords),
                Wording: lists.Current(SafetyLists.Wording),
                Error: null))
        ).RequireAuthorization(Platform.PlatformPolicies.SharedLists);

        foreach (var (path, name, label) in new[]
                 {
                     ("safety/words", SafetyLists.SensitiveWords, "敏感词库"),
                     ("safety/wording", SafetyLists.Wording, "错别字与规范名称"),
                 })
        {
            group.MapPost("/" + path, async (HttpContext context, IFormCollection form, BackOfficePages pages,
                SafetyLists lists, AuditLog audit) =>
            {
                var text = form.Text("list");
                var before = lists.Current(name);
                var (entries, error) = lists.Save(name, text);
                if (error is not null)
                {
                    // The list comes back as typed, with the reason.
                    var words = name == SafetyLists.SensitiveWords ? text : lists.Current(SafetyLists.SensitiveWords);
                    var wording = name == SafetyLists.Wording ? text : lists.Current(SafetyLists.Wording);
                    return await pages.RenderAsync<SafetyListsPage, SafetyListsPageModel>(new SafetyListsPageModel(
                        Shell: pages.ShellFor(context, "内容安全词库"),
                        SensitiveWords: words,
                        Wording: wording,
                        Error: $"{label}未保存：{error}"), StatusCodes.Status400BadRequest);
                }
                await audit.WriteAsync(context, AuditActions.SettingsChanged, label,
                    $"修改{label}：{Entries(before)} 条 → {entries} 条，变化：{Changes(before, lists.Current(name))}");
                return pages.RedirectWithNotice(context, "safety", $"已保存{label}（{entries} 条），发布前检查和网站健康检查立即使用新词库。");
            }).RequireAuthorization(Platform.PlatformPolicies.SharedLists);
        }
    }

    /// <summary>本站补充词库: a site's administrator adds words of its own on top of the platform's lists.</summary>
    private static void MapSiteAdditions(RouteGroupBuilder group)
    {
        group.MapGet("/safety/own", (HttpContext context, BackOfficePages pages, SafetyLists lists) =>
            SiteAdditionsPageAsync(context, pages, lists, null, null, null))
            .RequireAuthorization(StaffRoles.Administrator);
        foreach (var (path, name, label) in new[]
                 {
                     ("safety/own/words", SafetyLists.SensitiveWords, "本站补充敏感词"),
                     ("safety/own/wording", SafetyLists.Wording, "本站补充错别字与规范名称"),
                 })
        {
            group.MapPost("/" + path, async (HttpContext context, IFormCollection form, BackOfficePages pages,
                SafetyLists lists, AuditLog audit) =>
            {
                var site = SiteScope.Required.Code;
                var text = form.Text("list");
                var before = lists.Additions(name, site);
                var (entries, error) = lists.Save(name, text, site);
                if (error is not null)
                    return await SiteAdditionsPageAsync(context, pages, lists, name, text, $"{label}未保存：{error}");
                await audit.WriteAsync(context, AuditActions.SettingsChanged, label,
                    $"修改{label}：{Entries(before)} 条 → {entries} 条，变化：{Changes(before, lists.Additions(name, site))}");
                return pages.RedirectWithNotice(context, "safety/own",
                    $"已保存{label}（{entries} 条），本站文章的发布前检查和网站健康检查立即使用。");
            }).RequireAuthorization(StaffRoles.Administrator);
        }
    }

    // The site's additions, with the one just refused as typed; the platform's lists shown beside them to read.
    private static Task<IResult> SiteAdditionsPageAsync(HttpContext context, BackOfficePages pages, SafetyLists lists,
        string? typedName, string? typed, string? error)
    {
        var site = SiteScope.Required.Code;
        string Own(string name) => name == typedName ? typed! : lists.Additions(name, site);
        return pages.RenderAsync<SiteSafetyListsPage, SiteSafetyListsPageModel>(new SiteSafetyListsPageModel(
            Shell: pages.ShellFor(context, "本站补充词库"),
            PlatformSensitiveWords: Entries(lists.Current(SafetyLists.SensitiveWords)),
            PlatformWording: Entries(lists.Current(SafetyLists.Wording)),
            SensitiveWords: Own(SafetyLists.SensitiveWords), Wording: Own(SafetyLists.Wording), Error: error),
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static IEnumerable<string> EntriesOf(string list) =>
        list.Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#');

    private static int Entries(string list) => EntriesOf(list).Count();

    // What was added and removed, for the audit log (the words themselves, so a reviewer of the log sees what changed).
    private static string Changes(string before, string after)
    {
        var (old, now) = (EntriesOf(before).ToHashSet(), EntriesOf(after).ToHashSet());
        var added = now.Except(old).Select(e => e.Replace('\t', ' ')).ToList();
        var removed = old.Except(now).Select(e => e.Replace('\t', ' ')).ToList();
        var text = (added.Count > 0 ? $"新增 {string.Join("；", added.Take(50))}" : "")
            + (removed.Count > 0 ? $" 删除 {string.Join("；", removed.Take(50))}" : "");
        return text.Length == 0 ? "无" : text.Trim();
    }
}

public sealed record SafetyListsPageModel(Pages.Shell Shell, string SensitiveWords, string Wording, string? Error);

/// <param name="PlatformSensitiveWords">How many entries the platform's list has (checked on every site).</param>
public sealed record SiteSafetyListsPageModel(Pages.Shell Shell, int PlatformSensitiveWords, int PlatformWording,
    string SensitiveWords, string Wording, string? Error);
