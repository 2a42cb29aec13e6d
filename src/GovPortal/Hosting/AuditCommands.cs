using GovPortal.BackOffice.Audit;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Hosting;

/// <summary>
/// verify-audit, secure-audit and prune-audit: the audit chain's commands. They work beside a running portal (the
/// database serializes their writes with the portal's), and never migrate the database themselves.
/// </summary>
public static class AuditCommands
{
    public static async Task<int> RunAsync(CommandLine commandLine, PortalSettings settings, TextWriter output,
        TextWriter errors, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        try
        {
            await EnsureCurrentAsync(settings, cancellationToken);
            return commandLine.Command switch
            {
                PortalCommand.VerifyAudit => await VerifyAsync(commandLine, settings, output, time, cancellationToken),
                PortalCommand.SecureAudit => await SecureAsync(commandLine, settings, output, cancellationToken),
                PortalCommand.PruneAudit => await PruneAsync(commandLine, settings, output, time, cancellationToken),
                _ => throw new ArgumentException($"Not an audit command: {commandLine.Command}", nameof(commandLine)),
            };
        }
        catch (AuditCommandException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<int> VerifyAsync(CommandLine commandLine, PortalSettings settings, TextWriter output,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var report = await new AuditChainVerifier(settings.Database, time)
            .VerifyAsync(AuditAnchorCheck.Parse(commandLine.AuditAnchor), cancellationToken);
        await output.WriteLineAsync(report.Summary);
        foreach (var problem in report.Breaks)
            await output.WriteLineAsync("  " + problem.Describe());
        if (report.Breaks.Count >= AuditChainVerifier.MaxBreaks)
            await output.WriteLineAsync($"  只列出前 {AuditChainVerifier.MaxBreaks} 处问题。");
        if (report.Anchor is { } anchor)
            await output.WriteLineAsync($"链从第 {anchor.PrunedThroughSequence + 1} 条开始：此前的 {anchor.PrunedCount} 条"
                                        + $"已于 {Content.ChinaTime.Format(anchor.PrunedAtUtc)} 清理，"
                                        + $"导出到 {anchor.ExportFile}"
                                        + $"（SHA-256 {anchor.ExportSha256}）。");
        if (report.Unchained > 0)
            await output.WriteLineAsync($"另有 {report.Unchained} 条记录写于启用哈希链之前，不在链中，无法校验。");
        if (report.AnchorLine is { } line)
        {
            await output.WriteLineAsync($"最后一条的算法：{report.LastAlgorithm}。请把下面这一行另行记录（纸质或另一台机器），"
                                        + "下次用 --anchor 核对，以发现末尾被删除或整个日志被重新计算：");
            await output.WriteLineAsync("  " + line);
        }
        if (settings.Database.Provider == DatabaseProvider.Sqlite)
            await output.WriteLineAsync("注意：" + AuditTableSecuring.SqliteLimit);
        return report.Intact ? 0 : 1;
    }

    private static async Task<int> SecureAsync(CommandLine commandLine, PortalSettings settings, TextWriter output,
        CancellationToken cancellationToken)
    {
        foreach (var line in await AuditTableSecuring.SecureAsync(settings.Database,
                     commandLine.OwnerConnectionString!, cancellationToken))
            await output.WriteLineAsync(line);
        return 0;
    }

    private static async Task<int> PruneAsync(CommandLine commandLine, PortalSettings settings, TextWriter output,
        TimeProvider time, CancellationToken cancellationToken)
    {
        DatabaseOptions? owner = null;
        if (commandLine.OwnerConnectionString is { } ownerConnection)
        {
            if (settings.Database.Provider != DatabaseProvider.Postgres)
                throw new AuditCommandException("--owner 只用于 PostgreSQL。");
            owner = DatabaseOptions.Postgres(ownerConnection);
        }
        var result = await new AuditPruning(settings.Database, time, new AuditChainOptions(settings.AuditHash))
            .PruneAsync(commandLine.AuditBefore!.Value, commandLine.ExportFile!, owner, cancellationToken);
        if (result.Pruned == 0)
        {
            await output.WriteLineAsync($"没有 {commandLine.AuditBefore:yyyy-MM-dd} 之前的审计记录，没有删除任何记录。");
            return 0;
        }
        await output.WriteLineAsync($"已删除 {commandLine.AuditBefore:yyyy-MM-dd} 之前的审计记录 {result.Pruned} 条，"
                                    + $"删除前已导出到 {result.ExportFile}（SHA-256 {result.ExportSha256}），请妥善保存。");
        if (result.ThroughSequence is { } through)
            await output.WriteLineAsync($"哈希链从第 {through + 1} 条继续，起点为第 {through} 条的哈希 {result.LastHash}。");
        return 0;
    }

    // A command never upgrades the database: that is the portal's start, which owns the data folder.
    private static async Task EnsureCurrentAsync(PortalSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Database.Provider == DatabaseProvider.Sqlite
            && settings.Database == DatabaseOptions.Sqlite(settings.Paths.DatabaseFile)
            && !File.Exists(settings.Paths.DatabaseFile))
            throw new AuditCommandException($"数据目录 {settings.Paths.DataDirectory} 中没有门户的数据库，请用 --data 指定数据目录。");
        await using var db = settings.Database.CreateContext();
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            throw new AuditCommandException("数据库还没有升级到本版本：请先启动一次门户（serve）完成升级，再运行本命令。");
    }
}
