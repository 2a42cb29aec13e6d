using GovPortal.Search;
using GovPortal.Tests.Support;
using Lucene.Net.Store;

namespace GovPortal.Tests.Search;

public sealed class SearchDirectoryTests
{
    [Fact]
    public void The_index_is_read_with_positional_reads_not_memory_mapped()
    {
        // The memory-mapped directory of this Lucene.NET version keeps a growing record of every search's clones
        // (docs/benchmarks.md, "Memory under a long flood"): the public server must not use it.
        using var folder = new TempDirectory();
        using var directory = SearchDirectory.Open(folder.Path);
        Assert.IsNotType<MMapDirectory>(directory);
        Assert.IsType<NIOFSDirectory>(directory);
    }
}
