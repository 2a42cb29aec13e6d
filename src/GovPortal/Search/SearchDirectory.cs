using Lucene.Net.Store;

namespace GovPortal.Search;

/// <summary>
/// Opens the search index folder. Not <see cref="FSDirectory.Open(string)"/>, which picks the memory-mapped
/// directory on 64-bit systems: in Lucene.NET 4.8.0-beta00017 every search clones the mapped inputs and records each
/// clone in a weak table of its file, and those tables kept growing under steady search traffic (about 1 MB of live
/// heap a minute at 300 requests a second, measured with the flood bench; see docs/benchmarks.md), while reads
/// through it were no faster. Positional file reads keep the live heap flat and search as fast.
/// </summary>
public static class SearchDirectory
{
    public static FSDirectory Open(string path) => new NIOFSDirectory(path);
}
