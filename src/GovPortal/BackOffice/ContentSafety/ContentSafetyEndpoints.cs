using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Forms;

namespace GovPortal.BackOffice.ContentSafety;

/// <summary>内容安全词库: administrators maintain the sensitive-word and wording lists the checks use.</summary>
public static class ContentSafetyEndpoints
{
    public static void MapContentSafety(this RouteGroupBuilder group)
    {
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
