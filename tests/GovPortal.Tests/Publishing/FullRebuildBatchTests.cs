using System.Text;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Storage;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// A full rebuild removes every file of the manifest it did not make, whoever owned it, and keeps every file it made,
/// whether it wrote it or found it unchanged, and the files of keys it keeps: on disk and in the manifest alike.
/// </summary>
public sealed class FullRebuildBatchTests : IDisposable
{
    private const string Pdf = "xxgk/file.pdf"; // not compressible: one file
    private readonly TempDirectory _data = new();
    private readonly OutputStore _store;

    public FullRebuildBatchTests()
    {
        var paths = new PortalPaths(_data.Path);
        var layout = OutputLayout.For(paths, OutputLayout.FirstSiteCode);
        _store = new OutputStore(layout, Manifest.Open(layout.ManifestFile), new ObjectStore(paths.ObjectStoreFile),
            TimeProvider.System);
    }

    public void Dispose() => _data.Dispose();

    // Long enough that its .gz and .br are kept beside it.
    private static byte[] Page(string text) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"<p>{text}：相城区人民政府门户网站</p>", 200)));

    private static string[] Forms(string path) => [path, path + ".gz", path + ".br"];

    private void PublishSome(Action<OutputBatch> write)
    {
        using var batch = _store.BeginBatch();
        write(batch);
        batch.Commit([]);
    }

    private void AssertPublished(string path, bool published)
    {
        Assert.Equal(published, File.Exists(_store.FullPathOf(path)));
        Assert.Equal(published, _store.Manifest.TryGet(path, out _));
    }

    [Fact]
    public void A_full_rebuild_removes_what_it_did_not_make_and_keeps_what_it_made_unchanged()
    {
        PublishSome(batch =>
        {
            batch.Write(PageKey.Article(1), "a/1.html", Page("不变的文章"));
            batch.Write(PageKey.Article(2), "a/2.html", Page("改过的文章，第一版"));
            batch.Write(PageKey.Article(3), "a/3.html", Page("删去的文章"));
            batch.Write(PageKey.Home, Pdf, Encoding.UTF8.GetBytes("%PDF 首页附件"));
        });

        using (var rebuild = _store.BeginFullRebuild())
        {
            rebuild.Write(PageKey.Article(1), "a/1.html", Page("不变的文章"));
            rebuild.Write(PageKey.Article(2), "a/2.html", Page("改过的文章，第二版"));
            rebuild.Write(PageKey.Home, "index.html", Page("首页"));
            rebuild.Commit([]);
            // Article 1 was made unchanged: not written, and kept all the same.
            Assert.Equal(Forms("a/2.html").Length + Forms("index.html").Length, rebuild.FilesWritten);
        }

        foreach (var path in Forms("a/1.html").Concat(Forms("a/2.html")).Concat(Forms("index.html")))
            AssertPublished(path, published: true);
        Assert.Equal(Page("改过的文章，第二版"), File.ReadAllBytes(_store.FullPathOf("a/2.html")));
        foreach (var path in Forms("a/3.html").Append(Pdf)) AssertPublished(path, published: false);
    }

    [Fact]
    public void A_form_a_rewritten_page_no_longer_has_is_removed()
    {
        PublishSome(batch => batch.Write(PageKey.Article(1), "a/1.html", Page("长的正文")));
        foreach (var path in Forms("a/1.html")) AssertPublished(path, published: true);

        using (var rebuild = _store.BeginFullRebuild())
        {
            // Too short for its compressed forms to be worth keeping: the page alone is written.
            rebuild.Write(PageKey.Article(1), "a/1.html", Encoding.UTF8.GetBytes("<p>短</p>"));
            rebuild.Commit([]);
        }

        AssertPublished("a/1.html", published: true);
        AssertPublished("a/1.html.gz", published: false);
        AssertPublished("a/1.html.br", published: false);
    }

    [Fact]
    public void A_kept_keys_files_stay_through_a_full_rebuild_that_did_not_render_it()
    {
        PublishSome(batch => batch.Write(PageKey.MourningDays, Pdf, Encoding.UTF8.GetBytes("%PDF 哀悼日")));

        using (var rebuild = _store.BeginFullRebuild())
        {
            rebuild.Write(PageKey.Home, "index.html", Page("首页"));
            rebuild.Keep(PageKey.MourningDays);
            rebuild.Commit([]);
        }

        AssertPublished(Pdf, published: true);
        Assert.Equal("%PDF 哀悼日", File.ReadAllText(_store.FullPathOf(Pdf)));
    }

    [Fact]
    public void A_file_whose_write_failed_in_a_full_rebuild_goes_back_to_its_last_version_and_is_not_removed()
    {
        PublishSome(batch => batch.Write(PageKey.Home, Pdf, Encoding.UTF8.GetBytes("%PDF 第一版")));

        using (var rebuild = _store.BeginFullRebuild())
        {
            _store.AfterFileCommitted = _ => throw new IOException("磁盘已满");
            Assert.Throws<IOException>(() => rebuild.Write(PageKey.Home, Pdf, Encoding.UTF8.GetBytes("%PDF 没写完")));
            _store.AfterFileCommitted = null;
            rebuild.Commit([]);
        }

        AssertPublished(Pdf, published: true);
        Assert.Equal("%PDF 第一版", File.ReadAllText(_store.FullPathOf(Pdf)));
        Assert.True(_store.Manifest.TryGet(Pdf, out var entry));
        Assert.Equal(FileHash.Of(Encoding.UTF8.GetBytes("%PDF 第一版")), entry.Hash);
    }

    [Fact]
    public void A_page_another_key_now_makes_stays_and_is_recorded_under_its_new_owner()
    {
        PublishSome(batch => batch.Write(PageKey.Article(1), "a/1.html", Page("搬家的页面")));

        using (var rebuild = _store.BeginFullRebuild())
        {
            rebuild.Write(PageKey.Article(2), "a/1.html", Page("搬家的页面"));
            rebuild.Commit([]);
        }

        foreach (var path in Forms("a/1.html"))
        {
            AssertPublished(path, published: true);
            Assert.True(_store.Manifest.TryGet(path, out var entry));
            Assert.Equal(PageKey.Article(2).ToString(), entry.Owner);
        }
    }
}
