using GovPortal.Hosting;
using GovPortal.Publishing;

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
    switch (commandLine.Command)
    {
        case PortalCommand.Help:
            Console.WriteLine(CommandLine.Usage);
            return 0;

        case PortalCommand.Scan:
            return GovPortal.Safety.Scanning.ScanCommand.Run(commandLine.Files, commandLine.AllowedHosts, settings.Paths.SafetyListsDirectory, Console.Out, Console.Error);

        case PortalCommand.Check:
        {
            var checkBuilder = Host.CreateApplicationBuilder();
            checkBuilder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning).AddFilter("GovPortal", LogLevel.Warning);
            checkBuilder.Services.AddPortalCore(settings);
            using var checkHost = checkBuilder.Build();
            await checkHost.Services.GetRequiredService<PortalStartup>().PrepareAsync();
            return await GovPortal.Safety.Health.CheckCommand.RunAsync(
                checkHost.Services.GetRequiredService<GovPortal.Safety.Health.HealthChecker>(), commandLine.CsvFile, commandLine.CheckExternalLinks, Console.Out);
        }

        case PortalCommand.Publish:
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
            builder.Services.AddPortalCore(settings);
            using (var host = builder.Build())
            {
                await host.Services.GetRequiredService<PortalStartup>().PrepareAsync();
                var result = await host.Services.GetRequiredService<Publisher>().PublishAllAsync();
                Console.WriteLine($"已发布 {result.Pages} 个页面（其中文章 {result.Articles} 篇），写入 {result.FilesWritten} 个文件，" +
                                  $"用时 {result.Elapsed.TotalSeconds:0.00} 秒，每秒 {result.PagesPerSecond:0} 页。");
                Console.WriteLine($"输出目录：{settings.Paths.PublicDirectory}");
            }
            return 0;

        default:
            var app = await PortalApp.CreateAsync(settings);
            Console.WriteLine($"GovPortal 正在运行：{settings.Urls}（数据目录：{settings.Paths.DataDirectory}），按 Ctrl+C 停止。");
            await app.RunAsync();
            return 0;
    }
}
catch (PublishException e)
{
    Console.Error.WriteLine($"发布失败：{e.Message}");
    return 1;
}
