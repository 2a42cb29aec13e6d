using System.Text.Json;
using GovPortal.Publishing.Output;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GovPortal.Search;

/// <summary>
/// Writes the search index of one site, which lives in the site's published output beside the pages it describes.
/// Only the publisher writes it. A rebuild is committed at its end; single changes are committed a moment later
/// (deferred indexing: changes that follow each other closely share one commit, and the editor does not wait for
/// the disk). Every commit is atomic, so a reader sees the index before a change or after it, never half of one.
/// </summary>
/// <remarks>
/// The marker file <see cref="OutputLayout.SearchPendingMarker"/> says "the index may lack something the pages
/// show". It is written before the pages of a change are committed (<see cref="BeginChange"/>) or a rebuild starts,
/// and deleted only when every change begun since has been committed and no commit has failed. Found at start-up, it
/// makes the portal rebuild the index from the database.
/// </remarks>
public sealed class SearchIndex(OutputLayout layout, ILogger<SearchIndex> logger) : IDisposable
{
    /// <summary>
    /// How long a change waits for others to share its commit; well inside the one second a reader may wait.
    /// </summary>
    public static readonly TimeSpan CommitDelay = TimeSpan.FromMilliseconds(200);

    private readonly System.Threading.Lock _lock = new();
    // Held by every write to the index: applying a change, committing, a whole rebuild.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private SearchSiteInfo? _pendingSite;
    private Task? _scheduledCommit;
    private int _begun;     // changes begun and not yet committed
    private int _applied;   // changes applied to the writer and not yet committed
    private bool _broken;   // a commit failed: only a rebuild can bring the index up to date
    private bool _closed;   // disposed: no writer is opened again
    private SearchSiteInfo? _lastSite; // the site info of the last commit, which a merge's own commit repeats
    private (IndexWriter? Writer, Task Task) _merge = (null, Task.CompletedTask);
    private SearchIndexChecksums? _checksums;

    private SearchIndexChecksums Checksums =>
        _checksums ??= new SearchIndexChecksums(DirectoryPath, layout.SearchChecksumsFile);

    /// <summary>
    /// Up to this many documents, an index is merged while it is committed; a larger one is merged in the background
    /// after its commit (<see cref="BackgroundMerge"/>). Settable for tests.
    /// </summary>
    public int SmallIndexDocuments { get; init; } = 10_000;

    /// <summary>
    /// Flushes a segment after this many documents (for tests, to make many segments); -1: by memory only.
    /// </summary>
    public int MaxBufferedDocuments { get; init; } = IndexWriterConfig.DISABLE_AUTO_FLUSH;

    /// <summary>The background merge in progress or last done, with its commit (awaited by tests).</summary>
    public Task BackgroundMerge => _merge.Task;

    /// <summary>Raised after each commit, so that searches in this process see it at once.</summary>
    public event Action? Committed;

    public string DirectoryPath => layout.SearchIndexDirectory;

    /// <summary>The site whose index this is.</summary>
    public string SiteCode => layout.SiteCode;

    private string PendingMarker => layout.SearchPendingMarker;

    /// <summary>Whether the index is missing, unreadable, or may lack changes already published.</summary>
    public bool NeedsRebuild => File.Exists(PendingMarker) || !CanBeRead();

    /// <summary>
    /// Whether the index cannot be read at all (missing or damaged); unlike <see cref="NeedsRebuild"/>, a change
    /// applied and waiting for its commit does not count.
    /// </summary>
    public bool IsUnreadable => !CanBeRead();

    /// <summary>Announces a change about to be published: from now until its commit, a crash means a rebuild.</summary>
    public void BeginChange()
    {
        lock (_lock)
        {
            _begun++;
            WriteMarker();
        }
    }

    /// <summary>
    /// Puts one article's current state into the index (its new document, or none when it is not live); the commit
    /// follows within <see cref="CommitDelay"/>. Call <see cref="BeginChange"/> first.
    /// </summary>
    public void Apply(int articleId, SearchDocument? document, SearchSiteInfo site)
    {
        _writeLock.Wait();
        try
        {
            var writer = Writer();
            var id = new Term(SearchFields.Id, SearchFields.IdTerm(articleId));
            if (document is null) writer.DeleteDocuments(id);
            else writer.UpdateDocument(id, SearchFields.ToDocument(document));
            lock (_lock)
            {
                _pendingSite = site;
                _applied++;
                _scheduledCommit ??= CommitLaterAsync();
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Commits applied changes now rather than after the delay (at shutdown, and where a test must know).
    /// </summary>
    public void CommitPending()
    {
        bool committed;
        _writeLock.Wait();
        try
        {
            committed = CommitPendingLocked();
        }
        finally
        {
            _writeLock.Release();
        }
        if (committed) RaiseCommitted();
    }

    private async Task CommitLaterAsync()
    {
        await Task.Delay(CommitDelay).ConfigureAwait(false);
        CommitPending();
    }

    /// <param name="evenUnchanged">Commit with the last site info when no change is pending (after a merge).</param>
    private bool CommitPendingLocked(bool evenUnchanged = false)
    {
        SearchSiteInfo? site;
        int applied;
        lock (_lock)
        {
            (site, applied) = (_pendingSite ?? (evenUnchanged ? _lastSite : null), _applied);
            (_pendingSite, _applied, _scheduledCommit) = (null, 0, null);
        }
        if (site is null) return false;
        try
        {
            Commit(site);
        }
        catch (Exception e)
        {
            lock (_lock) _broken = true;
            logger.LogError(e,
                "Committing the search index failed; it will be rebuilt at the next start or full publish");
            Rollback();
            return false;
        }
        lock (_lock)
        {
            _begun = Math.Max(0, _begun - applied);
            if (_begun == 0 && !_broken) File.Delete(PendingMarker);
        }
        return true;
    }

    /// <summary>
    /// Starts replacing the whole index with a new one (also over an index that cannot be read); readers keep the
    /// last commit until the rebuild is committed. Articles are best added oldest first: the index then holds them
    /// in about the order of their dates, as the articles published later are added after them, so a search ranked
    /// within the newest articles (<see cref="SearchRanking"/>) reads one stretch of each segment instead of
    /// documents scattered over all of it.
    /// </summary>
    public SearchIndexRebuild BeginRebuild()
    {
        _writeLock.Wait();
        try
        {
            lock (_lock) WriteMarker();
            // What was applied goes in first, so a failed rebuild leaves the index as it was before it.
            CommitPendingLocked();
            // Everything is committed now; a background merge of the old index is abandoned, not waited for.
            CloseWriter();
            System.IO.Directory.CreateDirectory(DirectoryPath);
            var writer = _writer = new IndexWriter(Directory(), Config(OpenMode.CREATE));
            return new SearchIndexRebuild(this, writer);
        }
        catch
        {
            _writeLock.Release();
            throw;
        }
    }

    /// <summary>Called by a rebuild at its end, holding the write lock.</summary>
    internal void CommitRebuild(SearchSiteInfo site)
    {
        Commit(site, rebuilt: true);
        lock (_lock)
        {
            // The rebuild read every live article: every change begun before it is in.
            (_pendingSite, _applied, _begun, _broken) = (null, 0, 0, false);
            File.Delete(PendingMarker);
        }
    }

    /// <summary>Called by a rebuild when it is disposed, committed or not.</summary>
    internal void EndRebuild(bool committed)
    {
        if (!committed)
        {
            lock (_lock) _broken = true; // the marker stays until a rebuild succeeds
            Rollback();
        }
        _writeLock.Release();
        if (committed) RaiseCommitted();
    }

    /// <summary>
    /// Each segment of an index costs every search one look-up per query word in its term dictionary, and 站群搜索
    /// pays that for every site: 50 sites of 20,000 articles left as their rebuilds' parallel writers made them were
    /// 386 segments, the look-ups alone took 51 of a 144 ms search, and merged into one segment a site the search
    /// took 32 ms (docs/benchmarks.md, "Search across sites"). So every index is kept to few segments: a rebuild
    /// merges it whole, a change merges only its smallest segments. A small index (most of a platform's) is merged
    /// while it is committed, in a fraction of a second. A large one is merged after its commit, in the background,
    /// and committed again when the merge is done: merging 20,000 articles takes about 0.6 s, which neither a full
    /// publish nor an editor's change waits for, and searches keep the commit before it until then.
    /// </summary>
    private const int MaxSegmentsAfterChanges = 3;

    private void Commit(SearchSiteInfo site, bool rebuilt = false)
    {
        var writer = Writer();
        var segments = rebuilt ? 1 : MaxSegmentsAfterChanges;
        // Lucene's tiered policy merges nothing when there are no more segments than asked, and otherwise merges
        // the smallest ones.
        var small = writer.NumDocs <= SmallIndexDocuments;
        var merging = ReferenceEquals(_merge.Writer, writer) && !_merge.Task.IsCompleted;
        if (small && !merging) writer.ForceMerge(segments);
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SearchFields.SiteInfoKey] = JsonSerializer.Serialize(site),
            [SearchFields.FormatKey] = SearchFields.Format,
        });
        writer.Commit();
        lock (_lock) _lastSite = site;
        var commit = DirectoryReader.ListCommits(writer.Directory)[^1];
        // What the tamper sweep compares the index's files with.
        Checksums.Record(commit.FileNames);
        if (!small && !merging && commit.SegmentCount > segments)
            _merge = (writer, Task.Run(() => MergeAndCommit(writer, segments)));
    }

    /// <summary>
    /// Merges a large index down to <paramref name="segments"/> segments on a thread of its own (changes go on
    /// meanwhile), then commits the merge, unless the writer was closed or replaced by then.
    /// </summary>
    private void MergeAndCommit(IndexWriter writer, int segments)
    {
        try
        {
            writer.ForceMerge(segments);
            // Merges Lucene started on its own (while a rebuild flushed its segments) end too, so that when this
            // task is done no merge is writing files the tamper sweep would not know.
            writer.WaitForMerges();
        }
        catch (Exception e)
        {
            // Closed by a rebuild or at shutdown, or the disk is full: the index stays as last committed.
            logger.LogInformation(e, "A background merge of the search index in {Directory} stopped", DirectoryPath);
            return;
        }
        var committed = false;
        _writeLock.Wait();
        try
        {
            lock (_lock)
                if (!ReferenceEquals(_writer, writer)) return;
            committed = CommitPendingLocked(evenUnchanged: true);
        }
        catch (Exception e)
        {
            // Never a faulted task: the tamper sweep and Dispose wait for this one.
            logger.LogError(e, "Committing a background merge of the search index in {Directory} failed",
                DirectoryPath);
        }
        finally
        {
            _writeLock.Release();
        }
        if (committed) RaiseCommitted();
    }

    /// <summary>
    /// The index files of the last commit that were changed or deleted since it was made (for the tamper sweep).
    /// Waits for any write in progress, so a commit never looks like tampering, and for a background merge, which
    /// writes its files outside the write lock.
    /// </summary>
    public async Task<List<(string File, IndexFileProblem Problem)>> VerifyFilesAsync(bool full,
        CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await _merge.Task.WaitAsync(cancellationToken);
            await _writeLock.WaitAsync(cancellationToken);
            // A commit may have started another merge between the two waits.
            if (_merge.Task.IsCompleted) break;
            _writeLock.Release();
        }
        try
        {
            if (!File.Exists(Checksums.FilePath) && CanBeRead())
            {
                // An index from before checksums were kept: record it as it is now, once.
                using var directory = SearchDirectory.Open(DirectoryPath);
                Checksums.Record(DirectoryReader.ListCommits(directory)[^1].FileNames);
            }
            return Checksums.Verify(full);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void RaiseCommitted()
    {
        try
        {
            Committed?.Invoke();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A search index listener failed after a commit");
        }
    }

    /// <summary>Drops uncommitted changes; the index stays as last committed. Called holding the write lock.</summary>
    private void Rollback()
    {
        lock (_lock)
        {
            try
            {
                _writer?.Rollback(); // also closes the writer
            }
            catch (Exception e)
            {
                logger.LogError(e, "Rolling back the search index failed");
            }
            _writer = null;
        }
    }

    private void WriteMarker()
    {
        if (!File.Exists(PendingMarker))
        {
            System.IO.Directory.CreateDirectory(layout.Directory);
            File.WriteAllText(PendingMarker, "");
        }
    }

    private bool CanBeRead()
    {
        try
        {
            if (!System.IO.Directory.Exists(DirectoryPath) || !DirectoryReader.IndexExists(Directory())) return false;
            using var reader = DirectoryReader.Open(Directory());
            if (reader.IndexCommit.UserData.TryGetValue(SearchFields.FormatKey, out var format)
                && format == SearchFields.Format)
                return true;
            // Written before the index knew what it knows now (信息公开 facts …): rebuilt from the database.
            logger.LogInformation("The search index in {Directory} has an older format; it will be rebuilt",
                DirectoryPath);
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "The search index in {Directory} cannot be read; it will be rebuilt", DirectoryPath);
            return false;
        }
    }

    private IndexWriterConfig Config(OpenMode mode)
    {
        // Lucene's merge scheduler makes the thread that commits wait while more than two merges are queued; a
        // background merge of many segments runs in rounds, and an editor's change would wait for most of it.
        var scheduler = new ConcurrentMergeScheduler();
        scheduler.SetMaxMergesAndThreads(maxMergeCount: 32, maxThreadCount: 1);
        return new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer())
        {
            OpenMode = mode,
            RAMBufferSizeMB = 64,
            MaxBufferedDocs = MaxBufferedDocuments,
            MergeScheduler = scheduler,
        };
    }

    private IndexWriter Writer()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_writer is not null) return _writer;
            System.IO.Directory.CreateDirectory(DirectoryPath);
            return _writer = new IndexWriter(Directory(), Config(OpenMode.CREATE_OR_APPEND));
        }
    }

    /// <summary>
    /// Closes the writer once everything is committed. Rolled back rather than disposed: disposing would wait for a
    /// merge in progress and then commit it without recording its checksums, deleting the files of the commit the
    /// searches and the tamper sweep know.
    /// </summary>
    private void CloseWriter()
    {
        lock (_lock)
        {
            _writer?.Rollback();
            _writer = null;
        }
    }

    private FSDirectory Directory()
    {
        lock (_lock)
        {
            return _directory ??= SearchDirectory.Open(DirectoryPath);
        }
    }

    public void Dispose()
    {
        var committed = false;
        _writeLock.Wait();
        try
        {
            // Under the same hold as the close: a change applied in between would be rolled back unrecorded.
            committed = CommitPendingLocked();
            lock (_lock) _closed = true;
            CloseWriter();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Closing the search index failed");
        }
        finally
        {
            _writeLock.Release();
        }
        if (committed) RaiseCommitted();
        // A merge of the writer just closed ends at once, and finds the writer gone.
        _merge.Task.Wait(TimeSpan.FromSeconds(10));
        lock (_lock)
        {
            _directory?.Dispose();
            _directory = null;
        }
    }
}

/// <summary>
/// A full rebuild in progress: add every live article, then commit; disposing without committing undoes it.
/// </summary>
public sealed class SearchIndexRebuild(SearchIndex index, IndexWriter writer) : IDisposable
{
    private bool _committed;
    private bool _disposed;
    private int _count;

    public int Documents => _count;

    /// <summary>Thread-safe: the publisher adds documents from its parallel rendering loop.</summary>
    public void Add(SearchDocument document)
    {
        writer.AddDocument(SearchFields.ToDocument(document));
        Interlocked.Increment(ref _count);
    }

    /// <summary>
    /// Writes the documents still held in memory as segments, which no reader sees before the commit: a publisher
    /// does it while it commits its pages, so that the commit that follows has little left to write.
    /// </summary>
    public void Flush() => writer.Flush(triggerMerge: false, applyAllDeletes: true);

    public void Commit(SearchSiteInfo site)
    {
        index.CommitRebuild(site);
        _committed = true;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        index.EndRebuild(_committed);
    }
}
