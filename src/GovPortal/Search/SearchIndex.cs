using System.Text.Json;
using GovPortal.Hosting;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GovPortal.Search;

/// <summary>
/// Writes the search index, which lives in the published output (output/search) beside the pages it describes.
/// Only the publisher writes it, one change at a time; every commit is atomic, so a reader sees the index before a
/// change or after it, never half of a rebuild.
/// </summary>
public sealed class SearchIndex(PortalPaths paths, ILogger<SearchIndex> logger) : IDisposable
{
    private readonly System.Threading.Lock _lock = new();
    private FSDirectory? _directory;
    private IndexWriter? _writer;

    /// <summary>Raised after each commit, so that searches in this process see it at once.</summary>
    public event Action? Committed;

    public string DirectoryPath => paths.SearchIndexDirectory;

    public bool Exists => System.IO.Directory.Exists(DirectoryPath) && DirectoryReader.IndexExists(Directory());

    /// <summary>Starts replacing the whole index; nothing changes for readers until the rebuild is committed.</summary>
    public SearchIndexRebuild BeginRebuild()
    {
        var writer = Writer();
        writer.DeleteAll();
        return new SearchIndexRebuild(this, writer);
    }

    /// <summary>Puts one article's current state into the index: its new document, or none when it is not live.</summary>
    public void Apply(int articleId, SearchDocument? document, SearchSiteInfo site)
    {
        var writer = Writer();
        try
        {
            var id = new Term(SearchFields.Id, SearchFields.IdTerm(articleId));
            if (document is null) writer.DeleteDocuments(id);
            else writer.UpdateDocument(id, SearchFields.ToDocument(document));
            Commit(site);
        }
        catch
        {
            Rollback();
            throw;
        }
    }

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

    public int Documents => _count;
    private int _count;

    /// <summary>Thread-safe: the publisher adds documents from its parallel rendering loop.</summary>
    public void Add(SearchDocument document)
    {
        writer.AddDocument(SearchFields.ToDocument(document));
        Interlocked.Increment(ref _count);
    }

    public void Commit(SearchSiteInfo site)
    {
        index.Commit(site);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed) index.Rollback();
    }
}
