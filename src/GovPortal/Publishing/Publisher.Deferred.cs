using System.Collections.Concurrent;
using GovPortal.Content.Disclosure;
using GovPortal.Publishing.Disclosure;
using GovPortal.Publishing.Output;
using GovPortal.Publishing.Rendering;
using Microsoft.Extensions.Logging;

namespace GovPortal.Publishing;

/// <summary>
/// The deeper list pages of a long column, published right after the change that shifted them. Each is rendered
/// from the database as it is then, so every page is consistent on its own (no article twice, none skipped). The
/// keys waiting are kept in a file beside the output until they are written, so a stop in between resumes them.
/// </summary>
public sealed partial class Publisher
{
    private readonly Lock _deferredLock = new();
    private readonly HashSet<PageKey> _deferredWaiting = [];
    private readonly HashSet<PageKey> _deferredRendering = [];
    private TaskCompletionSource? _deferredDone;

    private string DeferredPagesFile => store.Layout.DeferredPagesFile;

    /// <summary>Moves the deeper list pages out of <paramref name="plan"/> when it shifts more than the options
    /// allow, records them and starts publishing them once the change is out.</summary>
    private void DeferDeeperListPages(PublishPlan plan)
    {
        var deeper = plan.Render.Where(k => k.Kind == PageKind.ChannelList && k.Number > 1).ToList();
        if (deeper.Count <= publishOptions.DeferListPagesAbove) return;
        plan.Render.ExceptWith(deeper);
        plan.Deferred.UnionWith(deeper);
        plan.DeferredDone = Defer(deeper);
    }

    /// <summary>Pages left waiting by a run that stopped before writing them, published again now.</summary>
    public Task ResumeDeferredPages()
    {
        if (!File.Exists(DeferredPagesFile)) return Task.CompletedTask;
        List<PageKey> keys;
        try
        {
            // Only what a change defers: deeper list pages.
            keys = File.ReadAllLines(DeferredPagesFile).Where(line => line.Length > 0).Select(PageKey.Parse)
                .Where(k => k.Kind == PageKind.ChannelList && k.Number > 1).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException
                                      or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            // Not a list this portal wrote: the whole site is made again at the next change or start instead.
            logger.LogError(e, "The list of waiting pages of {Site} cannot be read; the site will be published " +
                               "again in full", SiteCode);
            TryWriteRebuildMarker("unreadable deferred pages");
            File.Delete(DeferredPagesFile);
            return Task.CompletedTask;
        }
        logger.LogInformation("Publishing {Count} list pages of {Site} left waiting by the last run", keys.Count,
            SiteCode);
        return Defer(keys);
    }

    /// <summary>Whether list pages are waiting to be published in the background.</summary>
    public bool HasDeferredPages
    {
        get
        {
            lock (_deferredLock) return _deferredWaiting.Count + _deferredRendering.Count > 0;
        }
    }

    private Task Defer(IReadOnlyCollection<PageKey> keys)
    {
        lock (_deferredLock)
        {
            _deferredWaiting.UnionWith(keys);
            RecordDeferred();
            if (_deferredDone is { } running) return running.Task;
            var done = _deferredDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = Task.Run(PublishDeferredAsync);
            return done.Task;
        }
    }

    /// <summary>Writes the keys waiting or being rendered, or deletes the file when there are none. Under the lock.
    /// </summary>
    private void RecordDeferred()
    {
        var keys = _deferredWaiting.Concat(_deferredRendering).Select(k => k.ToString()).Distinct().Order().ToList();
        if (keys.Count == 0)
        {
            File.Delete(DeferredPagesFile);
            return;
        }
        var temporary = DeferredPagesFile + OutputStore.TemporarySuffix;
        File.WriteAllLines(temporary, keys);
        File.Move(temporary, DeferredPagesFile, overwrite: true);
    }

    /// <summary>A full publish renders every page from the database: what was waiting is done with it.</summary>
    private void DeferredCoveredByFullPublish()
    {
        lock (_deferredLock)
        {
            _deferredWaiting.Clear();
            RecordDeferred();
        }
    }

    private async Task PublishDeferredAsync()
    {
        while (true)
        {
            PageKey[] keys;
            lock (_deferredLock)
            {
                _deferredRendering.Clear();
                if (_deferredWaiting.Count == 0)
                {
                    RecordDeferred();
                    _deferredDone!.TrySetResult();
                    _deferredDone = null;
                    return;
                }
                keys = [.. _deferredWaiting];
                _deferredRendering.UnionWith(keys);
                _deferredWaiting.Clear();
            }
            try
            {
                await RenderDeferredAsync(keys);
            }
            catch (Exception e)
            {
                // The pages keep their last version; the next publish makes the whole site again.
                logger.LogError(e, "Could not publish {Count} deferred list pages of {Site}", keys.Length, SiteCode);
                TryWriteRebuildMarker("deferred list pages");
            }
        }
    }

    private async Task RenderDeferredAsync(PageKey[] keys)
    {
        var turn = await TakeTurnAsync();
        try
        {
            // A full publish is due (or running next): it makes these pages with everything else.
            if (!OutputIsCurrent) return;
            await using var db = database.CreateContext();
            var (site, tree) = await LoadSiteAsync(db, SiteCode, CancellationToken.None);
            var renderer = new SiteRenderer(site, tree, new DatabaseListingSource(db, tree, site.Id), razor, assets,
                uploads, kinds, DisclosureDirectory.Empty, Catalogue.Empty);
            using var batch = store.BeginBatch();
            var failures = new ConcurrentBag<PageFailure>();
            // A column deleted meanwhile took its pages with it.
            await Parallel.ForEachAsync(keys.Where(k => tree.Contains(k.Id)), async (key, _) =>
                await RenderOrReportAsync(key, batch, failures, () => renderer.RenderAsync(key, batch)));
            batch.Commit([]);
            if (!failures.IsEmpty)
            {
                logger.LogError("Deferred list pages of {Site} could not be made and keep their last version: {Pages}",
                    SiteCode, string.Join("; ", failures.Select(f => $"{f.Key} {f.Message}")));
                TryWriteRebuildMarker("deferred list pages");
            }
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private void TryWriteRebuildMarker(string reason)
    {
        try
        {
            File.WriteAllText(RebuildMarker, reason);
        }
        catch (IOException e)
        {
            logger.LogError(e, "Could not leave the rebuild marker of {Site}", SiteCode);
        }
    }
}
