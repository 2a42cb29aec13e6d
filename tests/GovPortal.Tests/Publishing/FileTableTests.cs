using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// A page's file and its .gz and .br forms are one record in the manifest and in a running batch: every form must
/// still come back exactly as it was recorded, alone or with the others, and survive the manifest's round trip to
/// disk.
/// </summary>
public sealed class FileTableTests
{
    private static readonly DateTime Then = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static ManifestEntry Entry(string path, string content, string owner = "article:1",
        DateTime? modified = null, string? downloadName = null) =>
        new(path, FileHash.Of(System.Text.Encoding.UTF8.GetBytes(content)), content.Length, modified ?? Then, owner,
            downloadName);

    [Fact]
    public void Each_form_of_a_page_comes_back_exactly_and_alone()
    {
        var table = new FileTable();
        var file = Entry("news/a.html", "<p>page</p>");
        var gzip = Entry("news/a.html.gz", "gz", modified: Then.AddMinutes(1));
        var brotli = Entry("news/a.html.br", "br", owner: "other", downloadName: "a.br");
        foreach (var entry in new[] { gzip, file, brotli }) Assert.Null(table.Set(entry));

        Assert.Equal(3, table.Count);
        foreach (var entry in new[] { file, gzip, brotli })
        {
            Assert.True(table.TryGet(entry.Path, out var found));
            Assert.Equal(entry, found);
            Assert.True(table.Contains(entry.Path));
        }
        Assert.Equal(new[] { file, gzip, brotli }.OrderBy(e => e.Path, StringComparer.Ordinal),
            table.OrderBy(e => e.Path, StringComparer.Ordinal));
        Assert.Equal(["news/a.html", "news/a.html.br", "news/a.html.gz"], table.Paths.Order(StringComparer.Ordinal));
        Assert.False(table.TryGet("news/a", out _));
        Assert.False(table.Contains("news/a.html.zst"));
    }

    [Fact]
    public void A_compressed_form_keeps_no_path_of_its_own_and_the_file_shares_the_key()
    {
        var table = new FileTable();
        var file = Entry("news/a.html", "page");
        table.Set(file);
        table.Set(Entry("news/a.html.gz", "gz"));

        var asked = new string("news/a.html.gz".AsSpan());
        Assert.True(table.TryGet(asked, out var gzip));
        Assert.Same(asked, gzip.Path);
        Assert.True(table.TryGet("news/a.html", out var found));
        Assert.Same(file, found);
    }

    [Fact]
    public void Removing_or_replacing_one_form_leaves_the_others_and_says_what_was_there()
    {
        var table = new FileTable();
        var file = Entry("a.html", "v1");
        var gzip = Entry("a.html.gz", "gz1");
        table.Set(file);
        table.Set(gzip);

        var newer = Entry("a.html.gz", "gz2");
        Assert.Equal(gzip, table.Set(newer));
        Assert.Equal(2, table.Count);
        Assert.Equal(file, table.Remove("a.html"));
        Assert.Null(table.Remove("a.html"));
        Assert.False(table.Contains("a.html"));
        Assert.True(table.TryGet("a.html.gz", out var kept));
        Assert.Equal(newer, kept);
        Assert.Equal(newer, Assert.Single(table));
        Assert.Equal(newer, table.Remove("a.html.gz"));
        Assert.Empty(table);
    }

    [Fact]
    public void A_download_named_like_a_compressed_form_is_a_file_like_any_other()
    {
        var table = new FileTable();
        var archive = Entry("files/data.tar.gz", "archive", owner: "attachment:7", downloadName: "数据.tar.gz");
        table.Set(archive);
        Assert.True(table.TryGet("files/data.tar.gz", out var found));
        Assert.Equal(archive, found);
        Assert.False(table.Contains("files/data.tar"));
        Assert.Equal(["files/data.tar.gz"], table.Paths);
    }

    [Fact]
    public void A_manifest_read_back_from_disk_has_every_form_as_it_was_written()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "manifest.db");
        var entries = new[]
        {
            Entry("a.html.br", "br", modified: Then.AddHours(1)),
            Entry("a.html", "page"),
            Entry("a.html.gz", "gz", owner: "article:2"),
            Entry("b.html.gz", "only the gzip form"),
            Entry("c.pdf", "pdf", owner: "attachment:1", downloadName: "通知.pdf"),
        };
        Manifest.Open(file).Apply(entries, []);

        var manifest = Manifest.Open(file);
        Assert.Equal(entries.Length, manifest.Count);
        Assert.Equal(entries.OrderBy(e => e.Path, StringComparer.Ordinal),
            manifest.Entries.OrderBy(e => e.Path, StringComparer.Ordinal));
        Assert.Equal(["a.html", "a.html.br", "b.html.gz"], manifest.PathsOwnedBy("article:1").Order());
        Assert.Equal(["a.html.gz"], manifest.PathsOwnedBy("article:2"));
    }

    [Fact]
    public void Compressed_forms_keep_their_own_details_when_the_file_changes_under_them()
    {
        var table = new FileTable();
        var gzip = Entry("a.html.gz", "gz");
        var brotli = Entry("a.html.br", "br");
        table.Set(Entry("a.html", "v1"));
        table.Set(gzip);
        table.Set(brotli);

        var moved = Entry("a.html", "v2", owner: "article:2", modified: Then.AddDays(1), downloadName: "a.html");
        table.Set(moved);
        Assert.True(table.TryGet("a.html.gz", out var gzipAfter));
        Assert.Equal(gzip, gzipAfter);
        Assert.True(table.TryGet("a.html.br", out var brotliAfter));
        Assert.Equal(brotli, brotliAfter);
        Assert.True(table.TryGet("a.html", out var fileAfter));
        Assert.Equal(moved, fileAfter);

        table.Remove("a.html");
        Assert.True(table.TryGet("a.html.br", out var alone));
        Assert.Equal(brotli, alone);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void A_batch_group_set_where_nothing_was_is_taken_as_it_is()
    {
        var batch = new FileTable();
        foreach (var entry in new[] { Entry("a.html", "page"), Entry("a.html.gz", "gz"), Entry("a.html.br", "br") })
            batch.Set(entry);
        var (path, group) = Assert.Single(batch.Groups);

        var manifest = new FileTable();
        var (key, previous) = manifest.SetGroup(path, group);

        Assert.Same(path, key);
        Assert.Null(previous);
        Assert.Same(group, Assert.Single(manifest.Groups).Group);
        Assert.Equal(3, manifest.Count);
        Assert.Equal(batch.OrderBy(e => e.Path, StringComparer.Ordinal),
            manifest.OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void A_batch_group_over_an_existing_one_sets_only_its_own_forms()
    {
        var manifest = new FileTable();
        var oldGzip = Entry("a.html.gz", "old gz");
        var oldBrotli = Entry("a.html.br", "old br");
        foreach (var entry in new[] { Entry("a.html", "old"), oldGzip, oldBrotli }) manifest.Set(entry);
        var batch = new FileTable();
        var page = Entry(new string("a.html".AsSpan()), "new", owner: "article:2");
        var gzip = Entry("a.html.gz", "new gz", owner: "article:2");
        batch.Set(page);
        batch.Set(gzip);

        var (path, group) = Assert.Single(batch.Groups);
        var (key, previous) = manifest.SetGroup(path, group);

        Assert.NotSame(path, key);
        Assert.True(previous!.Has(FileForm.Brotli));
        Assert.Equal(3, manifest.Count);
        Assert.True(manifest.TryGet("a.html", out var file));
        Assert.Equal(page, file);
        Assert.Same(key, file.Path);
        Assert.True(manifest.TryGet("a.html.gz", out var gzipAfter));
        Assert.Equal(gzip, gzipAfter);
        Assert.True(manifest.TryGet("a.html.br", out var brotliAfter));
        Assert.Equal(oldBrotli, brotliAfter);
    }

    [Fact]
    public void A_manifest_given_a_batch_moves_each_form_to_its_new_owner_on_disk_and_in_memory()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "manifest.db");
        var manifest = Manifest.Open(file);
        manifest.Apply([Entry("a.html", "old"), Entry("a.html.gz", "old gz"), Entry("a.html.br", "old br")], []);
        var batch = new FileTable();
        var written = new[]
        {
            Entry("a.html", "new", owner: "article:2"), Entry("a.html.gz", "new gz", owner: "article:2"),
            Entry("b.html", "b", owner: "article:3"), Entry("b.html.br", "b br", owner: "article:3"),
        };
        foreach (var entry in written) batch.Set(entry);

        manifest.Apply(batch, []);

        foreach (var reader in new[] { manifest, Manifest.Open(file) })
        {
            Assert.Equal(5, reader.Count);
            Assert.Equal(["a.html.br"], reader.PathsOwnedBy("article:1"));
            Assert.Equal(["a.html", "a.html.gz"], reader.PathsOwnedBy("article:2").Order(StringComparer.Ordinal));
            Assert.Equal(["b.html", "b.html.br"], reader.PathsOwnedBy("article:3").Order(StringComparer.Ordinal));
            foreach (var entry in written)
            {
                Assert.True(reader.TryGet(entry.Path, out var found));
                Assert.Equal(entry, found);
            }
        }
    }
}
