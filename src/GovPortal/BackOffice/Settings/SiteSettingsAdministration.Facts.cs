using GovPortal.Publishing;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Settings;

// 网站信息: the site's name, addresses and footer facts, kept by its staff instead of in code. They appear on every
// page (header, footer, canonical addresses, QR codes, feeds), so a change republishes the whole site.
public sealed partial class SiteSettingsAdministration
{
    private string SiteCode => publishers.Current().SiteCode;

    public async Task<Dictionary<string, string>> SiteFactsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return SiteFacts.ValuesOf(await db.Sites.AsNoTracking().SingleAsync(s => s.Code == SiteCode,
            cancellationToken));
    }

    /// <returns>Done with what was republished; refused (with the field at fault) with nothing changed.</returns>
    public async Task<(BackOfficeResult Result, string? Field)> SetSiteFactsAsync(Staff actor,
        IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return (BackOfficeResult.NotAllowed(NotAllowedMessage), null);
        var values = SiteFacts.All.ToDictionary(f => f.Name, f => (typed.GetValueOrDefault(f.Name) ?? "").Trim(),
            StringComparer.Ordinal);
        if (SiteFacts.Problem(values) is { } problem)
            return (BackOfficeResult.Refused(problem.Message + "网站信息未保存。"), problem.Field);

        await using var db = database.CreateContext();
        var site = await db.Sites.SingleAsync(s => s.Code == SiteCode, cancellationToken);
        if (await Platform.SiteHostClaims.ConflictAsync(db, site.Id, values["baseUrl"], values["hostNames"],
                cancellationToken) is { } clash)
            return (BackOfficeResult.Refused(clash + "网站信息未保存。"), "hostNames");
        var changes = new List<string>();
        foreach (var fact in SiteFacts.All)
        {
            var before = fact.Get(site);
            fact.Set(site, values[fact.Name]);
            if (fact.Get(site) != before) changes.Add($"{fact.Label}：{Shown(before)} → {Shown(fact.Get(site))}");
        }
        if (changes.Count == 0) return (BackOfficeResult.Done("网站信息没有变化，无需重新发布。"), null);
        // Saved, then published: a stop in between leaves the marker, and the next start publishes the whole site.
        using var pending = publishers.Current().BeginChange();
        await db.SaveChangesAsync(cancellationToken);
        pending.Saved();
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SettingsChanged, "网站信息",
            string.Join("；", changes), cancellationToken);
        var result = await publishers.Current().PublishAllAsync(cancellationToken);
        pending.Published();
        var failed = result.Failures.Count > 0
            ? $"其中 {result.Failures.Count} 个页面未能生成（保留上次发布的版本），详见运行日志。" : "";
        return (BackOfficeResult.Done(
            $"已保存 {changes.Count} 项网站信息，并重新发布了全站 {result.Pages} 个页面（用时 {result.Elapsed.TotalSeconds:0.#} 秒）。"
            + failed), null);
    }

    private static string Shown(string value) => value.Length == 0 ? "（空）" : value;
}
