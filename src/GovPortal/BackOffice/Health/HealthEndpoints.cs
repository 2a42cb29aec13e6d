using GovPortal.Safety.Health;

namespace GovPortal.BackOffice.Health;

/// <summary>网站健康: the latest health report, its trend, a check on demand and the CSV for the inspection.</summary>
public static class HealthEndpoints
{
    public const int TrendLength = 30;

    public static void MapHealth(this RouteGroupBuilder group)
    {
        group.MapGet("/health", async (HttpContext context, BackOfficePages pages, HealthRecorder recorder,
            Audit.AuditChainMonitor auditChain) =>
            await pages.RenderAsync<HealthPage, HealthPageModel>(new HealthPageModel(
                Shell: pages.ShellFor(context, "网站健康"),
                Latest: await recorder.LatestAsync(context.RequestAborted),
                Trend: await recorder.TrendAsync(TrendLength, context.RequestAborted))
            {
                AuditChain = await auditChain.CurrentAsync(context.RequestAborted),
            }));

        group.MapPost("/health/check", async (HttpContext context, IFormCollection _, BackOfficePages pages,
            HealthRecorder recorder) =>
        {
            // A check crawls every page of the site: a second one beside it would only double the load.
            if (await recorder.TryRunAsync(context.RequestAborted) is not { } report)
                return pages.RedirectWithNotice(context, "health", "已有一次检查正在进行，本次没有开始。请等它完成后刷新本页查看结果。",
                    isError: true);
            return pages.RedirectWithNotice(context, "health", report.Problems.Count == 0
                ? "检查完成：没有发现问题。"
                : $"检查完成：发现 {report.Problems.Count} 个问题，其中单项否决 {report.Problems.Count(p => p.SingleVeto)} 个。",
                isError: report.FailsSingleVeto);
        }).RequireAuthorization(Accounts.StaffRoles.Administrator);

        group.MapGet("/health.csv", async (HttpContext context, BackOfficePages pages, HealthRecorder recorder) =>
        {
            var report = await recorder.LatestAsync(context.RequestAborted);
            if (report is null)
                return await pages.MessageAsync(context, "还没有检查结果", "还没有运行过网站健康检查。请先在“网站健康”页面点击“立即检查”。",
                    StatusCodes.Status404NotFound, pages.Url("health"));
            return Results.File(report.ToCsv(), "text/csv; charset=utf-8",
                $"网站健康检查-{Content.ChinaTime.ToChina(report.CheckedAtUtc):yyyyMMdd-HHmm}.csv");
        });
    }
}

public sealed record HealthPageModel(
    Pages.Shell Shell, HealthReport? Latest, IReadOnlyList<(DateTime At, int Problems, int SingleVeto)> Trend)
{
    /// <summary>The audit log's hash chain, verified within the last few minutes.</summary>
    public Audit.AuditChainReport? AuditChain { get; init; }
}
