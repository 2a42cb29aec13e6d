using System.Text;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Storage;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// While a batch runs, the versions it writes are pending (the tamper guard accepts them) from before each file is
/// renamed into place until the batch ends; a write that fails stays pending until it is rolled back.
/// </summary>
public sealed class OutputBatchPendingTests : IDisposable
{
    private const string Path = "xxgk/file.pdf"; // not compressible: one file per write
    private readonly TempDirectory _data = new();
    private readonly OutputStore _store;

    public OutputBatchPendingTests()
    {
        var paths = new PortalPaths(_data.Path);
        var layout = OutputLayout.For(paths, OutputLayout.FirstSiteCode);
        _store = new OutputStore(layout, Manifest.Open(layout.ManifestFile), new ObjectStore(paths.ObjectStoreFile),
            TimeProvider.System);
    }

    public void Dispose() => _data.Dispose();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private void Publish(string text)
    {
        using var batch = _store.BeginBatch();
        batch.Write(PageKey.Home, Path, Bytes(text));
        batch.Commit([]);
    }

    [Fact]
    public void A_written_version_is_pending_from_its_rename_until_the_commit()
    {
        Publish("第一版");
        var second = FileHash.Of(Bytes("第二版"));
        var pendingAtRename = false;
        _store.AfterFileCommitted = path => pendingAtRename = _store.IsPending(path, second);

        var batch = _store.BeginBatch();
        batch.Write(PageKey.Home, Path, Bytes("第二版"));

        Assert.True(pendingAtRename);
        Assert.True(_store.IsPublishing);
        Assert.True(_store.IsPending(Path, second));
        Assert.True(_store.IsPendingPath(Path));
        Assert.False(_store.IsPending(Path, FileHash.Of(Bytes("第一版"))));
        batch.Commit([]);
        Assert.False(_store.IsPublishing);
        Assert.False(_store.IsPending(Path, second));
        Assert.False(_store.IsPendingPath(Path));
        Assert.True(_store.Manifest.TryGet(Path, out var entry));
        Assert.Equal(second, entry.Hash);
    }

    [Fact]
    public void A_failed_write_stays_pending_until_the_batch_rolls_it_back()
    {
        Publish("第一版");
        _store.AfterFileCommitted = _ => throw new IOException("磁盘已满");
        var failed = FileHash.Of(Bytes("写到一半的版本"));

        var batch = _store.BeginBatch();
        Assert.Throws<IOException>(() => batch.Write(PageKey.Home, Path, Bytes("写到一半的版本")));

        Assert.True(_store.IsPending(Path, failed));
        Assert.Equal("写到一半的版本", File.ReadAllText(_store.FullPathOf(Path)));
        batch.Dispose();
        Assert.False(_store.IsPendingPath(Path));
        Assert.Equal("第一版", File.ReadAllText(_store.FullPathOf(Path)));
    }

    [Fact]
    public void When_a_second_write_of_a_path_fails_the_commit_records_the_first()
    {
        Publish("第一版");
        using var batch = _store.BeginBatch();
        batch.Write(PageKey.Home, Path, Bytes("第二版"));
        _store.AfterFileCommitted = _ => throw new IOException("磁盘已满");
        Assert.Throws<IOException>(() => batch.Write(PageKey.Home, Path, Bytes("第三版，没写完")));

        // Both versions this batch put on the path are pending: neither is taken for tampering meanwhile.
        Assert.True(_store.IsPending(Path, FileHash.Of(Bytes("第二版"))));
        Assert.True(_store.IsPending(Path, FileHash.Of(Bytes("第三版，没写完"))));
        batch.Commit([]);
        Assert.True(_store.Manifest.TryGet(Path, out var entry));
        Assert.Equal(FileHash.Of(Bytes("第二版")), entry.Hash);
        // The disk agrees with the manifest when the batch ends: the guard finds nothing to report.
        Assert.Equal("第二版", File.ReadAllText(_store.FullPathOf(Path)));
        Assert.False(_store.IsPendingPath(Path));
    }

    [Fact]
    public void A_new_file_whose_write_failed_is_gone_when_the_batch_commits()
    {
        using var batch = _store.BeginBatch();
        _store.AfterFileCommitted = _ => throw new IOException("磁盘已满");
        Assert.Throws<IOException>(() => batch.Write(PageKey.Article(7), Path, Bytes("没写完的新文件")));
        _store.AfterFileCommitted = null;
        batch.Write(PageKey.Article(8), "xxgk/other.pdf", Bytes("写好的文件"));

        batch.Commit([]);

        Assert.False(File.Exists(_store.FullPathOf(Path)));
        Assert.False(_store.Manifest.TryGet(Path, out _));
        Assert.Equal("写好的文件", File.ReadAllText(_store.FullPathOf("xxgk/other.pdf")));
    }

    [Fact]
    public void A_batch_ending_leaves_another_batchs_version_of_the_same_path_pending()
    {
        using var first = _store.BeginBatch();
        using var second = _store.BeginBatch();
        first.Write(PageKey.Article(1), Path, Bytes("第一批"));
        second.Write(PageKey.Article(1), Path, Bytes("第二批"));

        second.Commit([]);

        Assert.True(_store.IsPending(Path, FileHash.Of(Bytes("第一批"))));
        Assert.False(_store.IsPending(Path, FileHash.Of(Bytes("第二批"))));
    }

    [Fact]
    public void Each_open_batch_answers_for_its_own_files()
    {
        using var first = _store.BeginBatch();
        using var second = _store.BeginBatch();
        first.Write(PageKey.Article(1), Path, Bytes("第一批"));
        second.Write(PageKey.Article(2), "xxgk/other.pdf", Bytes("第二批"));

        first.Commit([]);
        Assert.False(_store.IsPendingPath(Path));
        Assert.True(_store.IsPending("xxgk/other.pdf", FileHash.Of(Bytes("第二批"))));
        Assert.True(_store.IsPublishing);
        second.Commit([]);
        Assert.False(_store.IsPublishing);
    }
}
