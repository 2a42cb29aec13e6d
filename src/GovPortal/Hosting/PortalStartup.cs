using GovPortal.Data;
using GovPortal.Data.Demo;
using GovPortal.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Hosting;

/// <summary>
/// Brings the data folder to a servable state: schema migrated, its first site made (init's empty site, or the demo
/// with --demo), output published.
/// </summary>
public sealed class PortalStartup(PortalSettings settings, DemoSiteSeeder seeder,
    Disclosure.AnnualReports.DemoAnnualReportSeeder demoReport, Interaction.Letters.DemoLetterSeeder demoLetters,
    Publisher publisher, Citizens.Protection.PersonalDataKeyOptions keyOptions,
    Interaction.Letters.DefaultMailboxes mailboxes, Sites.PortalSites sites, Safety.RichTextSanitizer sanitizer,
    Citizens.Calendar.WorkingCalendarStore calendar,
    TimeProvider time,
    Publishing.Output.OutputLayout output, ILogger<PortalStartup> logger, Storage.ISharedFiles? sharedFiles = null,
    BackOffice.ContentSafety.SharedSafetyLists? safetyLists = null)
{
    /// <param name="publishIfNeeded">
    /// False when the caller publishes itself (the publish command), so it is done once.
    /// </param>
    public async Task PrepareAsync(CancellationToken cancellationToken = default, bool publishIfNeeded = true)
    {
        settings.Paths.EnsureCreated();
        output.EnsureCreated();
        IReadOnlyList<string> shared;
        await using (var db = settings.Database.CreateContext())
        {
            if (await DatabaseCheck.ProblemAsync(settings, db, cancellationToken) is { } problem)
                throw new StartupFailureException(problem);
            if (await StaleMigrationLock.RemoveAsync(db, cancellationToken))
                logger.LogWarning("上次运行在升级数据库结构时中断，已解除它留下的数据库迁移锁。");
            await db.Database.MigrateAsync(cancellationToken);
            // Before anything is sealed: a missing key where sealed data exists stops here, a new install gets one.
            await PersonalDataKeyStartup.EnsureAsync(keyOptions, settings.Database,
                cancellationToken);
            var seeded = await FirstSiteAsync(db, cancellationToken);
            // The shipped working-day calendar before the first page is made: the letters' statistics count on it,
            // and a publish made before it would differ from every one after.
            await calendar.EnsureDefaultsAsync(cancellationToken);
            // Every site has its mailboxes (区长信箱 …) before anything writes letters to them.
            await mailboxes.EnsureEverySiteAsync(db, cancellationToken);
            // The platform's lists copied to every site (an upgrade, or a change made while a site was away).
            shared = await Data.Disclosure.PlatformLists.SyncAsync(db, logger, cancellationToken);
            if (seeded)
            {
                // The demo's 依申请公开 applications and its 2025 annual report, with applicants' data sealed.
                await demoReport.SeedAsync(db, cancellationToken);
                // The 区长信箱's letters in every state, the citizens' words sealed.
                await demoLetters.SeedAsync(db, cancellationToken);
                logger.LogInformation("Created the demo site in {DataDirectory}", settings.Paths.DataDirectory);
            }
            await sites.OpenAllAsync(db, cancellationToken);
        }
        ShareFilesOnlyHere();
        foreach (var site in sites.All)
        {
            RecoverInterruptedPublish(site.Publisher);
            // With PostgreSQL: what other origins published is applied here, or the database is brought in step
            // with this output (a first start with it, or a database restored to an older state).
            await site.Publisher.CatchUpWithOtherOriginsAsync(cancellationToken, atStart: true);
        }
        await CarryOverMourningDaysAsync(cancellationToken);
        if (!publishIfNeeded) return;
        foreach (var site in sites.All)
            await PublishIfNeededAsync(site.Publisher, site.SearchIndex, shared.Contains(site.Publisher.SiteCode),
                cancellationToken);
    }

    /// <param name="listsChanged">The site's copies of the platform's lists changed: its catalogue shows them.</param>
    private async Task PublishIfNeededAsync(Publisher sitePublisher, Search.SearchIndex siteIndex, bool listsChanged,
        CancellationToken cancellationToken)
    {
        if (!sitePublisher.OutputIsCurrent || listsChanged)
        {
            var result = await sitePublisher.PublishAllAsync(cancellationToken);
            logger.LogInformation("Published {Pages} pages of {Site} at {Rate:0} pages/s", result.Pages,
                sitePublisher.SiteCode, result.PagesPerSecond);
            // One page that cannot be made never stops the portal: it is named here and keeps its last version.
            foreach (var failure in result.Failures)
                logger.LogError("未能生成页面 {Key}（保留上次发布的版本）：{Message}", failure.Key, failure.Message);
        }
        else if (siteIndex.NeedsRebuild)
        {
            // Missing, or the last run stopped between publishing a change and committing it to the index.
            var count = await sitePublisher.RebuildSearchIndexAsync(cancellationToken);
            logger.LogWarning("The search index of {Site} was missing or behind the published pages; rebuilt it " +
                              "({Count} articles)", sitePublisher.SiteCode, count);
        }
        // List pages a change left for right after it: published now, in the background as they would have been.
        _ = sitePublisher.ResumeDeferredPages();
    }

    /// <summary>
    /// The data folder's first site: the empty one <c>init</c> asked for, or the demo; a folder with neither asked
    /// for is refused with what to do. <c>init</c> on a folder that already has a site changes nothing.
    /// </summary>
    /// <returns>Whether the demo site was created now.</returns>
    private async Task<bool> FirstSiteAsync(GovPortalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Sites.AsNoTracking().Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (settings.NewSite is { } wanted)
        {
            if (existing is not null)
                throw new StartupFailureException(new StartupFailure(StartupFailure.SiteExists,
                    $"数据目录 {settings.Paths.DataDirectory} 中已经有网站“{existing}”，init 没有做任何修改。" +
                    "init 只用于新的数据目录；已有网站的名称、域名和页脚信息请在后台“设置 → 网站信息”中修改。"));
            if (wanted.Problem() is { } problem)
                throw new StartupFailureException(new StartupFailure(StartupFailure.NewSiteInvalid,
                    $"init 没有建立网站：{problem}"));
            db.Sites.Add(wanted.ToSite());
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created the empty site {Name} in {DataDirectory}", wanted.Name,
                settings.Paths.DataDirectory);
            return false;
        }
        if (existing is not null) return false;
        if (!settings.CreateDemo)
            throw new StartupFailureException(new StartupFailure(StartupFailure.NoSite,
                $"数据目录 {settings.Paths.DataDirectory} 中还没有网站。建立自己的网站：" +
                "GovPortal init --name 网站名称 --domain 域名 --organisation 主办单位；" +
                "先试用演示站点：在命令后加 --demo。"));
        if (!await seeder.SeedIfEmptyAsync(db, cancellationToken)) return false;
        if (settings.DemoPlatform)
            await DemoPlatformSeeder.SeedAsync(db, sanitizer, time.GetUtcNow().UtcDateTime, cancellationToken);
        return true;
    }

    /// <summary>
    /// A process killed while publishing, or between saving a change and publishing it, left its journal or marker:
    /// its files go back to the last good site before anything serves or sweeps them (so the tamper guard sees no
    /// false alarm), and the whole site is published again from the database.
    /// </summary>
    private void RecoverInterruptedPublish(Publisher sitePublisher)
    {
        var recovered = sitePublisher.RecoverInterruptedPublish();
        if (!recovered.Interrupted) return;
        logger.LogWarning(
            "上次运行在发布站点 {Site} 的过程中中断：{PutBack} 个文件已恢复为上次发布的版本，{Removed} 个未登记的文件已删除，" +
            "现在重新发布该站点。", sitePublisher.SiteCode, recovered.FilesPutBack, recovered.FilesRemoved);
    }

    /// <summary>With PostgreSQL: uploads, letters' files and content-safety lists that only this origin's folder holds
    /// go to the database, so that every other origin can publish, open and check with them.</summary>
    private void ShareFilesOnlyHere()
    {
        if (sharedFiles is null) return;
        var copied = Storage.SharedFileAreas.ShareWhatIsOnlyHere(sharedFiles, Storage.SharedFileAreas.Uploads,
                         settings.Paths.UploadsDirectory)
                     + Storage.SharedFileAreas.ShareWhatIsOnlyHere(sharedFiles, Storage.SharedFileAreas.LetterFiles,
                         settings.Paths.LetterFilesDirectory)
                     + (safetyLists?.ShareWhatIsOnlyHere() ?? 0);
        // The lists other origins saved, in use before the first page is checked.
        safetyLists?.Follow();
        if (copied > 0)
            logger.LogInformation("Copied {Count} files of the data folder into the database for other origins",
                copied);
    }

    /// <summary>
    /// An output from before sites had their own folders kept the days of mourning in output/mourning-dates.txt:
    /// they are published into the site's output once, so an upgrade keeps them.
    /// </summary>
    private async Task CarryOverMourningDaysAsync(CancellationToken cancellationToken)
    {
        var legacy = Publishing.Output.OutputLayout.LegacyMourningDaysFile(settings.Paths);
        if (!File.Exists(legacy)) return;
        if (publisher.PublishedMourningDays().Count == 0)
        {
            var content = await File.ReadAllBytesAsync(legacy, cancellationToken);
            var (dates, _) = Publishing.Output.MourningDays.Parse(content);
            await publisher.PublishMourningDaysAsync(dates, cancellationToken);
            logger.LogInformation("Published the {Count} days of mourning of the older output folder into {Site}",
                dates.Count, output.SiteCode);
        }
        File.Delete(legacy);
    }
}
