using GovPortal.Hosting;
using GovPortal.Hosting.Backup;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Health;
using GovPortal.Safety.Scanning;
using Microsoft.Extensions.Logging.Console;

var (commandLine, error) = CommandLine.Parse(args, Environment.GetEnvironmentVariable("GOVPORTAL_DATABASE"));
if (commandLine is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine();
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var settings = PortalSettings.From(commandLine);
try
{
    // The commands that write check the data folder first: a mistake there is told in one line, before any write.
    if (commandLine.Command is PortalCommand.Serve or PortalCommand.Publish or PortalCommand.Reindex
            or PortalCommand.Init or PortalCommand.Import
        && DataFolderCheck.Problem(settings.Paths) is { } folderProblem)
        throw new StartupFailureException(folderProblem);
    switch (commandLine.Command)
    {
        case PortalCommand.Help:
            Console.WriteLine(CommandLine.Usage);
            return 0;

        case PortalCommand.Doctor:
            return await GovPortal.Hosting.Doctor.DoctorCommand.RunAsync(settings, Console.Out);

        case PortalCommand.VerifyAudit or PortalCommand.SecureAudit or PortalCommand.PruneAudit:
            return await AuditCommands.RunAsync(commandLine, settings, Console.Out, Console.Error);

        case PortalCommand.Scan:
            return ScanCommand.Run(commandLine.Files, commandLine.AllowedHosts, settings.Paths.SafetyListsDirectory,
                Console.Out, Console.Error);

        case PortalCommand.Check:
        {
            using var host = BuildCommandHost(settings, quiet: true);
            // Checking never writes beside a running portal: it prepares the folder (first run) only when no portal
            // holds it, and otherwise reads what is there.
            using (var dataLock = DataDirectoryLock.TryAcquire(settings.Paths))
                if (dataLock is not null) await host.Services.GetRequiredService<PortalStartup>().PrepareAsync();
            return await CheckCommand.RunAsync(host.Services.GetRequiredService<HealthChecker>(), commandLine.CsvFile,
                commandLine.CheckExternalLinks, Console.Out);
        }

        case PortalCommand.Init:
        {
            var site = commandLine.NewSite!;
            // Checked before the data folder gets a database: a typing mistake leaves nothing behind.
            if (site.Problem() is { } problem)
            {
                Console.Error.WriteLine($"init 没有建立网站：{problem}");
                return StartupFailure.NewSiteInvalid;
            }
            using var dataLock = DataDirectoryLock.TryAcquire(settings.Paths);
            if (dataLock is null)
            {
                Console.Error.WriteLine($"init 失败：门户正在使用数据目录 {settings.Paths.DataDirectory}。");
                return 1;
            }
            using var host = BuildCommandHost(settings, quiet: true);
            await host.Services.GetRequiredService<PortalStartup>().PrepareAsync();
            Console.WriteLine($"已建立空白网站“{site.Name}”（{site.BaseUrl}），数据目录：{settings.Paths.DataDirectory}。");
            Console.WriteLine("下一步：用 serve 启动门户（首次启动时创建系统管理员账号并显示初始密码），登录后台后在“栏目”中建立栏目，" +
                              "在“设置 → 网站信息”中填写主办单位、网站标识码、备案号和联系方式。");
            return 0;
        }

        case PortalCommand.Publish:
        {
            // Only one process writes the output: a running portal would take this publish's files for tampering.
            using var dataLock = DataDirectoryLock.TryAcquire(settings.Paths);
            if (dataLock is null)
            {
                Console.Error.WriteLine($"发布失败：门户正在使用数据目录 {settings.Paths.DataDirectory} 提供服务。" +
                                        "请先停止门户再全量发布，或在运行中的门户里发布（它只更新受影响的页面）。");
                return 1;
            }
            using var host = BuildCommandHost(settings, quiet: false);
            await host.Services.GetRequiredService<PortalStartup>().PrepareAsync(publishIfNeeded: false);
            // Every site of the platform, each into its own output.
            var sites = host.Services.GetRequiredService<GovPortal.Hosting.Sites.PortalSites>().All;
            var failed = 0;
            foreach (var site in sites)
            {
                var result = await site.Publisher.PublishAllAsync();
                var prefix = sites.Count > 1 ? $"网站 {site.Code}：" : "";
                Console.WriteLine($"{prefix}已发布 {result.Pages} 个页面（其中文章 {result.Articles} 篇），" +
                                  $"写入 {result.FilesWritten} 个文件，用时 {result.Elapsed.TotalSeconds:0.00} 秒，" +
                                  $"每秒 {result.PagesPerSecond:0} 页。");
                Console.WriteLine($"{prefix}输出目录：{site.Layout.PublicDirectory}");
                // The site is published; pages that could not be made keep their last version and are named here.
                foreach (var failure in result.Failures)
                    Console.Error.WriteLine($"{prefix}未能生成页面 {failure.Key}（保留上次发布的版本）：{failure.Message}");
                failed += result.Failures.Count;
            }
            // A large index is merged after its commit; closing now would abandon the merge (architecture.md).
            foreach (var site in sites) await site.SearchIndex.BackgroundMerge;
            return failed == 0 ? 0 : 1;
        }

        case PortalCommand.Mourning:
        {
            // The days are published into the output like pages: only while no running portal writes it.
            using var dataLock = commandLine.MourningDates is null
                ? null
                : DataDirectoryLock.TryAcquire(settings.Paths);
            if (commandLine.MourningDates is not null && dataLock is null)
            {
                Console.Error.WriteLine($"设置失败：门户正在使用数据目录 {settings.Paths.DataDirectory} 提供服务。" +
                                        "请在后台“设置”页面修改全站置灰日期（立即生效），或先停止门户。");
                return 1;
            }
            using var host = BuildCommandHost(settings, quiet: true);
            var publisher = host.Services.GetRequiredService<Publisher>();
            if (commandLine.MourningDates is { } dates) await publisher.PublishMourningDaysAsync(dates);
            var current = publisher.PublishedMourningDays().Order()
                .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Console.WriteLine(current.Count == 0 ? "没有设置全站置灰的日期。" : "全站置灰的日期：" + string.Join("、", current));
            return 0;
        }

        case PortalCommand.RotateKey:
        {
            // A running portal keeps the keys it read at start: the new key is used after its next start.
            using var dataLock = DataDirectoryLock.TryAcquire(settings.Paths);
            if (dataLock is null)
            {
                Console.Error.WriteLine($"更换密钥失败：门户正在使用数据目录 {settings.Paths.DataDirectory} 提供服务，请先停止门户。");
                return 1;
            }
            var keyFile = GovPortal.Citizens.Protection.PersonalDataKeyOptions.For(settings.Paths).KeyFile;
            var id = GovPortal.Citizens.Protection.PersonalDataKeys.Rotate(keyFile);
            Console.WriteLine($"已在 {keyFile} 中加入新密钥 {id}，此后新数据用它加密；旧密钥保留，用于读取已有数据。" +
                              "请立即重新备份密钥文件。");
            return 0;
        }

        case PortalCommand.Backup:
        {
            // Reads only, beside a running portal or not: each part is copied in an order that keeps it consistent.
            var keys = GovPortal.Citizens.Protection.PersonalDataKeyOptions.For(settings.Paths);
            var report = await new PortalBackup(settings.Paths, settings.Database, keys, TimeProvider.System)
                .CreateAsync(commandLine.Files[0]);
            Console.WriteLine($"已备份到 {report.Directory}：{report.Files} 个文件，共 {report.Bytes / 1024.0 / 1024:0.0} MB，" +
                              $"站点 {string.Join("、", report.Sites)}。");
            Console.WriteLine($"其中 {Path.Combine(report.Directory, BackupLayout.Keys)} 是个人信息加密密钥，" +
                              "请与其余部分分开保管：只有两者都在，才能恢复申请人和来信人的信息。");
            return 0;
        }

        case PortalCommand.Restore:
        {
            var keys = GovPortal.Citizens.Protection.PersonalDataKeyOptions.For(settings.Paths);
            var report = await new PortalRestore(settings.Paths, settings.Database, keys)
                .RestoreAsync(commandLine.Files[0]);
            Console.WriteLine($"已恢复到 {settings.Paths.DataDirectory}：站点 {string.Join("、", report.Sites)}，" +
                              $"{report.PublishedFiles} 个已发布文件逐个与发布清单核对无误。现在可以启动门户。");
            return 0;
        }

        case PortalCommand.Import:
        {
            // Only one process writes the output: the import publishes into it.
            using var dataLock = DataDirectoryLock.TryAcquire(settings.Paths);
            if (dataLock is null)
            {
                Console.Error.WriteLine($"迁移失败：门户正在使用数据目录 {settings.Paths.DataDirectory} 提供服务，请先停止门户。");
                return 1;
            }
            using var host = BuildCommandHost(settings, quiet: true);
            await host.Services.GetRequiredService<PortalStartup>().PrepareAsync(publishIfNeeded: false);
            return await ImportCommand.RunAsync(commandLine, settings, host.Services, Console.Out, Console.Error);
        }

        case PortalCommand.Reindex:
        {
            using var dataLock = DataDirectoryLock.TryAcquire(settings.Paths);
            if (dataLock is null)
            {
                Console.Error.WriteLine($"重建索引失败：门户正在使用数据目录 {settings.Paths.DataDirectory} 提供服务，请先停止门户。");
                return 1;
            }
            using var host = BuildCommandHost(settings, quiet: false);
            await host.Services.GetRequiredService<PortalStartup>().PrepareAsync(publishIfNeeded: false);
            var sites = host.Services.GetRequiredService<GovPortal.Hosting.Sites.PortalSites>().All;
            foreach (var site in sites)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var count = await site.Publisher.RebuildSearchIndexAsync();
                var prefix = sites.Count > 1 ? $"网站 {site.Code}：" : "";
                Console.WriteLine($"{prefix}已重建站内搜索索引：{count} 篇文章，用时 {watch.Elapsed.TotalSeconds:0.00} 秒。");
                Console.WriteLine($"{prefix}索引目录：{site.Layout.SearchIndexDirectory}");
            }
            foreach (var site in sites) await site.SearchIndex.BackgroundMerge;
            return 0;
        }

        default:
        {
            using var dataLock = DataDirectoryLock.TryAcquire(settings.Paths);
            if (dataLock is null)
            {
                Console.Error.WriteLine($"启动失败：另一个门户进程正在使用数据目录 {settings.Paths.DataDirectory}。");
                return 1;
            }
            await using var app = await PortalApp.CreateAsync(settings);
            // Listening first: a busy port is reported instead of a "running" line that is not true.
            await app.StartAsync();
            Console.WriteLine($"GovPortal 正在运行：{settings.Urls}（数据目录：{settings.Paths.DataDirectory}），按 Ctrl+C 停止。");
            await app.WaitForShutdownAsync();
            return 0;
        }
    }
}
catch (BackupException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (PublishException e)
{
    Console.Error.WriteLine($"发布失败：{e.Message}");
    return 1;
}
catch (Exception e) when (StartupFailure.Explain(e, settings) is { } failure)
{
    // The operator reads the fix; the full exception goes to the log file at Debug (and to the console with
    // Logging__LogLevel__Default=Debug).
    using (var logging = LoggerFactory.Create(log => log
               .AddConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection("Logging"))
               .AddConsole()))
        logging.CreateLogger("GovPortal.Hosting.StartupFailure").LogDebug(e, "启动失败");
    using (var file = LoggerFactory.Create(log => log.SetMinimumLevel(LogLevel.Debug).AddLogFile(settings.Paths)))
        file.CreateLogger("GovPortal.Hosting.StartupFailure").LogDebug(e, "启动失败：{Reason}", failure.Message);
    Console.Error.WriteLine(failure.Message);
    return failure.ExitCode;
}

// quiet: only warnings and errors on the console (the log file has everything), so that a scheduled command's
// output is its report.
static IHost BuildCommandHost(PortalSettings settings, bool quiet)
{
    var builder = Host.CreateApplicationBuilder([PortalApp.NoConfigurationWatch]);
    builder.Logging.AddLogFile(settings.Paths);
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
    if (quiet)
        builder.Logging.AddFilter<ConsoleLoggerProvider>("GovPortal", LogLevel.Warning);
    builder.Services.AddPortalCore(settings);
    return builder.Build();
}
