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
}
