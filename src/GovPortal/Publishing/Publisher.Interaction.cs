using System.Collections.Concurrent;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Interaction.Letters;
using GovPortal.Publishing.Interaction;
using GovPortal.Publishing.Rendering;
using GovPortal.Safety.Scanning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GovPortal.Publishing;

// 互动交流: a letter published (选登) or withdrawn through the publish plan, and the section's home and statistics
// brought up to date after a reply, a rating or a consultation's start or end.
public sealed partial class Publisher
{
    /// <summary>
    /// Applies <paramref name="change"/> to a letter (publishing its public copy, or withdrawing it) and renders
    /// exactly the 互动交流 pages it touches: the letter's page, the pages of /hdjl/xjxd/ whose rows differ, the
    /// section's home and the statistics when they differ. A letter that is not replied, or whose writer did not allow
    /// it, is never published; its public copy passes the content checks before anything is saved. The change
    /// mutates the tracked letter (whose Version is its concurrency token); this method saves it.
    /// </summary>
    /// <exception cref="PublishException">The letter cannot be published (state, consent, a blocking finding).
    /// </exception>
    /// <exception cref="DbUpdateConcurrencyException">Someone changed the letter first; nothing was saved.</exception>
    public async Task<PublishPlan> ApplyLetterChangeAsync(int letterId, Action<Letter> change,
        CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == letterId && l.SiteId == site.Id,
                    cancellationToken)
                ?? throw new PublishException("找不到这封信件，它可能不属于本站。");
            var before = await ReadInteractionAsync(db, site.Id, cancellationToken);
            change(letter);
            if (letter.PublishedAtUtc is not null)
            {
                if (letter.Status != LetterStatus.Replied || !letter.MayPublish)
                    throw new PublishException("只有已答复、且来信人同意公开的信件可以公开选登。");
                CheckLetterBeforePublishing(letter, site);
            }
            using var pending = BeginChange();
            await db.SaveChangesAsync(cancellationToken);
            pending.Saved();
            var after = await ReadInteractionAsync(db, site.Id, cancellationToken);
            var plan = new PublishPlan();
            InteractionPlanner.Plan(plan, before, after);
            await RenderInteractionPlanAsync(plan, site, tree, after, $"letter {letterId}", cancellationToken);
            pending.Published();
            logger.LogInformation("Letter {LetterId} changed: {Plan}", letterId, plan);
            return plan;
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    /// <summary>
    /// Renders the 互动交流 home and statistics again from the database (files whose bytes did not change are not
    /// written): after a reply is approved or rated, when a consultation opens or closes, and each new day. While
    /// the output waits for a full rebuild (which makes these pages too) nothing is done and the plan is empty.
    /// </summary>
    public async Task<PublishPlan> PublishInteractionAsync(CancellationToken cancellationToken = default)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        try
        {
            if (!OutputIsCurrent) return new PublishPlan();
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, cancellationToken);
            var section = await ReadInteractionAsync(db, site.Id, cancellationToken);
            var plan = new PublishPlan();
            plan.Render.Add(PageKey.InteractionHome);
            plan.Render.Add(PageKey.LetterStatistics);
            await RenderInteractionPlanAsync(plan, site, tree, section, "interaction", cancellationToken);
            return plan;
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private async Task<InteractionSection> ReadInteractionAsync(GovPortalDbContext db, int siteId,
        CancellationToken cancellationToken) =>
        await InteractionReader.ReadAsync(db, siteId, time.GetUtcNow().UtcDateTime,
            await calendars.CurrentAsync(siteId, cancellationToken), cancellationToken);

    private async Task RenderInteractionPlanAsync(PublishPlan plan, Site site, ChannelTree tree,
        InteractionSection section, string marker, CancellationToken cancellationToken)
    {
        try
        {
            if (!OutputIsCurrent)
            {
                // An earlier saved change never reached the output: this one cannot be planned from it.
                plan.Failures.AddRange((await PublishAllUnlockedAsync(cancellationToken)).Failures);
                return;
            }
            var renderer = new SiteRenderer(site, tree, new InMemoryListingSource(tree, []), razor, assets, uploads,
                kinds, interaction: section);
            using var batch = store.BeginBatch();
            var failures = new ConcurrentBag<PageFailure>();
            foreach (var key in plan.Render)
                await RenderOrReportAsync(key, batch, failures, () => renderer.RenderAsync(key, batch));
            plan.Failures.AddRange(failures);
            batch.Commit(plan.Remove);
            if (plan.Failures.Count > 0)
                await File.WriteAllTextAsync(RebuildMarker, marker, CancellationToken.None);
        }
        catch
        {
            // The change is saved but its pages are not: remember to rebuild, so the site catches up.
            await File.WriteAllTextAsync(RebuildMarker, marker, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The content checks a letter's public copy passes on its way out, the same as an article's: anything blocking
    /// stops the publish with the findings; warnings are logged.
    /// </summary>
    private void CheckLetterBeforePublishing(Letter letter, Site site)
    {
        var findings = checks.CheckHtml(LetterChecks.ContentOf(letter.PublicSubject, letter.PublicText, letter.Reply),
            site);
        foreach (var warning in findings.Where(f => f.Severity == Severity.Warn))
            logger.LogWarning("Letter {Number}: {Category} {Message}", letter.Number, warning.Category,
                warning.Message);
        var blocking = findings.Where(f => f.Severity == Severity.Block).ToList();
        if (blocking.Count == 0) return;
        throw new PublishException($"信件 {letter.Number} 未公开：发布前检查发现 {blocking.Count} 处必须处理的问题。"
            + string.Concat(blocking.Select(f => $"\n- {f.Category}：{f.Message}「{f.Excerpt}」")));
    }
}
