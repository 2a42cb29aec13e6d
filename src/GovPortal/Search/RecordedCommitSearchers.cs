using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GovPortal.Search;

/// <summary>
/// Searchers over the commit the publisher recorded in the checksums file, never simply over the newest commit in
/// the folder: a newer segments_N dropped into the index folder by someone else is never loaded. Moves to a new
/// commit only when the checksums file names it. An index from before checksums were kept opens its newest commit.
/// </summary>
internal sealed class RecordedCommitSearchers : ReferenceManager<IndexSearcher>
{
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly SearchIndexChecksums _checksums;

    public RecordedCommitSearchers(Lucene.Net.Store.Directory directory, SearchIndexChecksums checksums)
    {
        _directory = directory;
        _checksums = checksums;
        Current = new IndexSearcher(Recorded() is { } commit
            ? DirectoryReader.Open(commit)
            : DirectoryReader.Open(directory));
    }

    /// <summary>The recorded commit, if the checksums file names one and it is in the folder.</summary>
    private IndexCommit? Recorded() =>
        _checksums.RecordedCommit() is { } name
            ? DirectoryReader.ListCommits(_directory).FirstOrDefault(c => c.SegmentsFileName == name)
            : null;

    // Lucene's contract (unannotated): null means "no refresh needed".
    protected override IndexSearcher RefreshIfNeeded(IndexSearcher referenceToRefresh)
    {
        var reader = (DirectoryReader)referenceToRefresh.IndexReader;
        DirectoryReader? newer;
        if (_checksums.RecordedCommit() is null) newer = DirectoryReader.OpenIfChanged(reader);
        else
        {
            // Not (yet) in the folder: the publisher commits before it records, so keep what is open until it is.
            var commit = Recorded();
            if (commit is null || commit.SegmentsFileName == reader.IndexCommit.SegmentsFileName) return null!;
            newer = DirectoryReader.OpenIfChanged(reader, commit);
        }
        return newer is null ? null! : new IndexSearcher(newer);
    }

    protected override void DecRef(IndexSearcher reference) => reference.IndexReader.DecRef();

    protected override bool TryIncRef(IndexSearcher reference) => reference.IndexReader.TryIncRef();

    protected override int GetRefCount(IndexSearcher reference) => reference.IndexReader.RefCount;
}
