using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// The paths of a page key, kept compact for the million of a large site: the same set whether few (a list) or many
/// (a hash set), and one owner string per page in a manifest read back from disk.
/// </summary>
public sealed class OwnedPathsTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Adding_removing_and_asking_give_a_set_of_paths_at_any_size(int count)
    {
        var owned = new OwnedPaths();
        var paths = Enumerable.Range(0, count).Select(i => $"news/{i}.html").ToList();
        foreach (var path in paths.Concat(paths)) owned.Add(path);
        Assert.Equal(count, owned.Count);
        Assert.Equal(paths.Order(StringComparer.Ordinal), owned.All.Order(StringComparer.Ordinal));
        Assert.All(paths, path => Assert.True(owned.Contains(path)));
        Assert.False(owned.Contains("news/other.html"));

        Assert.True(owned.Remove(paths[1]));
        Assert.False(owned.Remove(paths[1]));
        Assert.False(owned.Contains(paths[1]));
        Assert.Equal(count - 1, owned.Count);
        // Ordinal: a path differing only in case is another file.
        Assert.False(owned.Contains(paths[0].ToUpperInvariant()));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(40, false)]
    [InlineData(1, true)]
    [InlineData(40, true)]
    public void A_pages_compressed_forms_are_held_with_its_file_and_each_can_go_alone(int pages, bool byForm)
    {
        var owned = new OwnedPaths();
        var files = Enumerable.Range(0, pages).Select(i => $"news/{i}.html").ToList();
        foreach (var file in files)
        {
            if (byForm)
            {
                // As a manifest records a batch's groups: the group's path and a form, no form's path made.
                owned.Add(file, FileForm.Brotli);
                owned.Add(file, FileForm.File);
                owned.Add(file, FileForm.Gzip);
                continue;
            }
            owned.Add(file);
            owned.Add(file + ".gz");
            owned.Add(file + ".br");
        }
        owned.Add("files/data.tar.gz");
        Assert.Equal(3 * pages + 1, owned.Count);
        Assert.True(owned.Contains("files/data.tar.gz"));
        Assert.False(owned.Contains("files/data.tar"));

        Assert.True(owned.Remove(files[0]));
        Assert.False(owned.Contains(files[0]));
        Assert.True(owned.Contains(files[0] + ".gz"));
        Assert.True(owned.Remove(files[0] + ".br"));
        Assert.False(owned.Remove(files[0] + ".br"));
        Assert.Equal([files[0] + ".gz"], owned.All.Where(p => p.StartsWith(files[0], StringComparison.Ordinal)));
        Assert.True(owned.Remove(files[0] + ".gz"));
        Assert.Equal(3 * pages - 2, owned.Count);
        var expected = files.Skip(1).SelectMany(f => new[] { f, f + ".gz", f + ".br" }).Append("files/data.tar.gz");
        Assert.Equal(expected.Order(StringComparer.Ordinal), owned.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_manifest_read_back_from_disk_keeps_each_owners_paths_and_shares_its_owner_string()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "manifest.db");
        var now = DateTime.UtcNow;
        var hash = FileHash.Of("content"u8);
        var many = Enumerable.Range(0, 30).Select(i => new ManifestEntry($"assets/{i}.css", hash, 1, now, "assets"));
        var page = new[] { "a.html", "a.html.gz", "a.html.br" }
            .Select(path => new ManifestEntry(path, hash, 1, now, new string("article:1".AsSpan())));
        Manifest.Open(file).Apply([.. many, .. page], []);

        var manifest = Manifest.Open(file);
        Assert.Equal(30, manifest.PathsOwnedBy("assets").Count);
        Assert.Equal(["a.html", "a.html.br", "a.html.gz"], manifest.PathsOwnedBy("article:1").Order());
        var owners = new[] { "a.html", "a.html.gz", "a.html.br" }
            .Select(path => manifest.TryGet(path, out var entry) ? entry.Owner : null).ToList();
        Assert.All(owners, owner => Assert.Same(owners[0], owner));

        manifest.Apply([], ["a.html.br", "assets/3.css"]);
        Assert.Equal(["a.html", "a.html.gz"], manifest.PathsOwnedBy("article:1").Order());
        Assert.Equal(29, manifest.PathsOwnedBy("assets").Count);
        manifest.Apply([], ["a.html", "a.html.gz"]);
        Assert.DoesNotContain("article:1", manifest.Owners());
    }
}
