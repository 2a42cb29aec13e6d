using System.Security.Cryptography;
using System.Text;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// A SHA-256 held as bytes must read and write exactly the hex text that the manifest's database, journals, object
/// store and replication tables already hold, and compare as that text did.
/// </summary>
public sealed class FileHashTests
{
    public static TheoryData<string> Contents() => ["", "a", "<html>政府信息公开</html>", new string('x', 100_000)];

    [Theory]
    [MemberData(nameof(Contents))]
    public void Its_text_is_the_lower_case_hex_of_the_sha256_and_reads_back_as_the_same_hash(string text)
    {
        var content = Encoding.UTF8.GetBytes(text);
        var hex = Convert.ToHexStringLower(SHA256.HashData(content));

        var hash = FileHash.Of(content);

        Assert.Equal(hex, hash.ToString());
        Assert.Equal(hash, FileHash.Parse(hex));
        Assert.Equal(hash, FileHash.Of(new MemoryStream(content)));
        Assert.Equal(hash.GetHashCode(), FileHash.Parse(hex).GetHashCode());
    }

    [Fact]
    public void Hashes_of_different_contents_differ_in_every_part_the_comparison_reads()
    {
        var hex = FileHash.Of("page"u8).ToString();
        // A change in any one of the four eight-byte parts must be seen.
        foreach (var at in new[] { 0, 20, 40, 63 })
        {
            var changed = hex[..at] + (hex[at] == '0' ? '1' : '0') + hex[(at + 1)..];
            Assert.NotEqual(FileHash.Parse(hex), FileHash.Parse(changed));
            Assert.True(FileHash.Parse(hex) != FileHash.Parse(changed));
        }
        Assert.True(FileHash.Of("page"u8) == FileHash.Parse(hex));
    }

    [Fact]
    public void Upper_case_hex_is_the_same_hash()
    {
        var hash = FileHash.Of("page"u8);
        Assert.Equal(hash, FileHash.Parse(hash.ToString().ToUpperInvariant()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    [InlineData("0123456789abcdef0123456789abcdef 123456789abcdef0123456789abcdef")]
    public void Text_that_is_not_a_sha256_in_hex_is_refused(string? text)
    {
        Assert.False(FileHash.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => FileHash.Parse(text));
    }

    [Fact]
    public void A_manifest_read_back_from_disk_has_the_hashes_it_was_given()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "manifest.db");
        var entries = Enumerable.Range(0, 20)
            .Select(i => new ManifestEntry($"p/{i}.html", FileHash.Of(Encoding.UTF8.GetBytes($"page {i}")), i,
                DateTime.UtcNow, $"article:{i}"))
            .ToList();
        Manifest.Open(file).Apply(entries, []);

        var manifest = Manifest.Open(file);
        foreach (var entry in entries)
        {
            Assert.True(manifest.TryGet(entry.Path, out var read));
            Assert.Equal(entry.Hash, read.Hash);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"page {entry.Size}"))),
                read.Sha256);
        }
    }
}
