using System.Text.Json;
using GovPortal.Hosting;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GovPortal.Search;

/// <summary>
/// Writes the search index, which lives in the published output (output/search) beside the pages it describes.
/// Only the publisher writes it. A rebuild is committed at its end; single changes are committed a moment later
/// (deferred indexing: changes that follow each other closely share one commit, and the editor does not wait for
/// the disk). Every commit is atomic, so a reader sees the index before a change or after it, never half of one.
/// </summary>
public sealed class SearchIndex(PortalPaths paths, ILogger<SearchIndex> logger) : IDisposable
{
    /// <summary>How long a change waits for others to share its commit; well inside the one second a reader may wait.</summary>
    public static readonly TimeSpan CommitDelay = TimeSpan.FromMilliseconds(200);

    private readonly System.Threading.Lock _lock = new();
    private readonly SemaphoreSlim _commitLock = new(1, 1);
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private SearchSiteInfo? _pendingSite;
    private Task? _scheduledCommit;

    /// <summary>Raised after each commit, so that searches in this process see it at once.</summary>
    public event Action? Committed;

    public string DirectoryPath => paths.SearchIndexDirectory;

    /// <summary>
    /// Present while changes are applied but not yet committed. Found at start-up, it means the process stopped in
    /// between: the index is rebuilt, since it may lack changes the pages already show.
    /// </summary>
    private string PendingMarker => Path.Combine(paths.OutputDirectory, "search-pending");

    public bool Exists => System.IO.Directory.Exists(DirectoryPath) && DirectoryReader.IndexExists(Directory());

    /// <summary>Whether the index is missing or may lack changes already published.</summary>
    public bool NeedsRebuild => !Exists || File.Exists(PendingMarker);

    /// <summary>Starts replacing the whole index; nothing changes for readers until the rebuild is committed.</summary>
    public SearchIndexRebuild BeginRebuild()
    {
        _commitLock.Wait();
        try
        {
            // Changes applied and not yet committed go in first: a rebuild that fails rolls back to this commit.
            CommitPendingLocked();
            var writer = Writer();
            writer.DeleteAll();
            return new SearchIndexRebuild(this, writer);
        }
        catch
        {
            _commitLock.Release();
            throw;
        }
    }

    /// <summary>
    /// Puts one article's current state into the index (its new document, or none when it is not live); the commit
    /// follows within <see cref="CommitDelay"/>.
    /// </summary>
    public void Apply(int articleId, SearchDocument? document, SearchSiteInfo site)
    {
        var writer = Writer();
        var id = new Term(SearchFields.Id, SearchFields.IdTerm(articleId));
        lock (_lock)
        {
            if (_pendingSite is null) File.WriteAllText(PendingMarker, "");
            _pendingSite = site;
        }
        if (document is null) writer.DeleteDocuments(id);
        else writer.UpdateDocument(id, SearchFields.ToDocument(document));
        lock (_lock)
        {
            _scheduledCommit ??= CommitLaterAsync();
        }
    }

    /// <summary>Commits applied changes now rather than after the delay (at shutdown, and where a test must know).</summary>
    public void CommitPending()
    {
        _commitLock.Wait();
        try
        {
            CommitPendingLocked();
        }
        finally
        {
            _commitLock.Release();
        }
    }

    private void CommitPendingLocked()
    {
        SearchSiteInfo? site;
        lock (_lock)
        {
            site = _pendingSite;
            _pendingSite = null;
            _scheduledCommit = null;
        }
        if (site is null) return;
        try
        {
            Commit(site);
            File.Delete(PendingMarker);
        }
        catch (Exception e)
        {
            // The marker stays: the next start rebuilds the index from the database.
            logger.LogError(e, "Committing the search index failed; it will be rebuilt at the next start");
            Rollback();
        }
    }

    private async Task CommitLaterAsync()
    {
        await Task.Delay(CommitDelay).ConfigureAwait(false);
        CommitPending();
    }

    /// <summary>Called by a rebuild at its end; it holds the commit lock.</summary>
    internal void CommitRebuild(SearchSiteInfo site)
    {
        lock (_lock)
        {
            // The rebuild read every article, changes applied before it included.
            _pendingSite = null;
        }
        Commit(site);
        File.Delete(PendingMarker);
    }

    internal void EndRebuild() => _commitLock.Release();

    internal void Commit(SearchSiteInfo site)
    {
        var writer = Writer();
        writer.SetCommitData(new Dictionary<string, string> { [SearchFields.SiteInfoKey] = JsonSerializer.Serialize(site) });
        writer.Commit();
        Committed?.Invoke();
    }

    /// <summary>Drops uncommitted changes; the index stays as last committed.</summary>
    internal void Rollback()
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

    private IndexWriter Writer()
    {
        lock (_lock)
        {
            if (_writer is not null) return _writer;
            System.IO.Directory.CreateDirectory(DirectoryPath);
            var config = new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer())
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 64,
            };
            return _writer = new IndexWriter(Directory(), config);
        }
    }

    private FSDirectory Directory()
    {
        lock (_lock)
        {
            return _directory ??= FSDirectory.Open(DirectoryPath);
        }
    }

    public void Dispose()
    {
        CommitPending();
        lock (_lock)
        {
            _writer?.Dispose();
            _writer = null;
            _directory?.Dispose();
            _directory = null;
        }
    }
}

/// <summary>A full rebuild in progress: add every live article, then commit; disposing without committing undoes it.</summary>
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

    public void Commit(SearchSiteInfo site)
    {
        index.CommitRebuild(site);
        _committed = true;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_committed) index.Rollback();
        index.EndRebuild();
    }
}
