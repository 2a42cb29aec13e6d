using GovPortal.Data;
using GovPortal.Safety.Tamper;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Audit;

/// <summary>
/// Copies every tamper alert into the audit log, where the web team and the inspectors read it with everything else.
/// Written off the request that found the tampering, so serving the true page never waits for the database.
/// </summary>
public sealed class TamperAuditBridge(TamperAlerts alerts, AuditLog audit, DatabaseOptions database,
    ILogger<TamperAuditBridge> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        alerts.Raised += Record;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        alerts.Raised -= Record;
        return Task.CompletedTask;
    }

    private void Record(TamperEvent tamperEvent) => _ = Task.Run(async () =>
    {
        try
        {
            // In the audit log of the site whose output it was, where its 审计管理员 reads it.
            // The alert may be raised by work of another site (全平台置灰 publishes every site from the first).
            ScopedSite? site;
            await using (var db = database.CreateContext())
                site = await db.Sites.IgnoreQueryFilters([GovPortalDbContext.SiteFilter])
                    .Where(s => s.Code == tamperEvent.Site)
                    .Select(s => new ScopedSite(s.Id, s.Code)).FirstOrDefaultAsync();
            using var scope = site is null ? SiteScope.Leave() : SiteScope.Enter(site);
            await audit.WriteAsync("", "", AuditActions.TamperDetected, "/" + tamperEvent.Path,
                $"{Describe(tamperEvent.Kind)}：{tamperEvent.Detail}");
        }
        catch (Exception e)
        {
            // The events file still has it; the log says why the audit log does not.
            logger.LogError(e, "Could not copy a tamper event for {Path} into the audit log", tamperEvent.Path);
        }
    });

    private static string Describe(TamperKind kind) => kind switch
    {
        TamperKind.Modified => "页面被篡改，已恢复",
        TamperKind.Missing => "页面被删除，已恢复",
        TamperKind.Unpublished => "发现未发布的文件，已隔离",
        TamperKind.Unrecoverable => "页面被篡改且无法恢复，已停止提供",
        _ => kind.ToString(),
    };
}
