using GovPortal.Publishing.Output;

namespace GovPortal.Bench;

/// <summary>
/// What the records of a published site cost in memory, page by page: a batch's records of every page it wrote
/// (file, .gz and .br), the manifest's once it has recorded them, and both together, as while a full publish commits.
/// Counted from the live heap after full collections, so the figures do not depend on when the collector runs.
/// </summary>
public static class ManifestMemory
{
    public static string Run(string folder, int pages)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "manifest.db");
        File.Delete(file);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var manifest = Manifest.Open(file);
        var (batchOnly, both) = Commit(manifest, pages, before);
        var manifestOnly = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(manifest);
        return $"{pages:N0} pages, bytes per page: batch {batchOnly / pages}, manifest {manifestOnly / pages}, " +
            $"both while committing {both / pages}";
    }

    /// <summary>Records a batch of <paramref name="pages"/> pages in the manifest; the batch is gone on return.
    /// </summary>
    private static (long BatchOnly, long Both) Commit(Manifest manifest, int pages, long before)
    {
        var now = DateTime.UtcNow;
        var batch = new FileTable();
        for (var i = 0; i < pages; i++)
        {
            var path = $"s{i % 50}/c{i % 40}/202212/t20221201_{i}.html";
            var owner = $"article:{i}";
            batch.Set(new ManifestEntry(path, HashOf(i, 0), 9000, now, owner));
            batch.Set(new ManifestEntry(path + ".gz", HashOf(i, 1), 3000, now, owner));
            batch.Set(new ManifestEntry(path + ".br", HashOf(i, 2), 2500, now, owner));
        }
        var batchOnly = GC.GetTotalMemory(forceFullCollection: true) - before;
        manifest.Apply(batch, []);
        var both = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(batch);
        return (batchOnly, both);
    }

    private static FileHash HashOf(int page, int form) =>
        FileHash.Of(BitConverter.GetBytes((long)page << 2 | (long)form));
}
