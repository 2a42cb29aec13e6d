using System.Globalization;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Import;

namespace GovPortal.Hosting;

/// <summary>
/// <c>import --site CODE DIR</c>: 迁移旧网站 from the command line, while no portal runs (it writes the site's
/// output when it publishes). Prints the counts and where the report is.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine, PortalSettings settings, IServiceProvider services,
        TextWriter output, TextWriter error)
    {
        var code = commandLine.ImportSite!;
        var report = commandLine.CsvFile ?? Path.Combine(settings.Paths.DataDirectory, "import",
            $"{code}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv");
        // The audit log is the back office's; a command writes into it like the server does.
        var audit = new AuditLog(settings.Database, TimeProvider.System, new AuditChainOptions(settings.AuditHash));
        var importer = ActivatorUtilities.CreateInstance<SiteImporter>(services, audit);
        try
        {
            var result = await importer.RunAsync(new ImportOptions(code, commandLine.Files[0])
            {
                Publish = commandLine.ImportPublishes, FallbackChannel = commandLine.ImportChannel,
                ReportFile = report, RunBy = Environment.UserName,
            });
            output.WriteLine($"迁移完成：共 {result.Rows.Count} 个页面，导入 {result.Imported} 篇" +
                             $"（{(commandLine.ImportPublishes ? "已发布，旧地址跳转到新地址" : "草稿，请在后台审核后发布")}），" +
                             $"跳过 {result.Skipped} 个，拦截 {result.Flagged} 个（内容安全检查不通过，未导入），" +
                             $"用时 {result.Elapsed.TotalSeconds:0.0} 秒。");
            output.WriteLine($"报告：{result.ReportFile}");
            return 0;
        }
        catch (ImportException e)
        {
            error.WriteLine($"迁移失败：{e.Message}");
            return 1;
        }
    }
}
