using GovPortal.Safety.Tamper;
using GovPortal.Search;
using GovPortal.Tests.Safety;
using GovPortal.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GovPortal.Tests.Search;

/// <summary>
/// A commit added to the index folder behind the publisher's back (a newer segments_N with its files): search keeps
/// answering from the commit the publisher recorded, and the sweep reports every file it did not write.
/// </summary>
public sealed class SearchIndexTamperTests
{
    private const string Spam = "澳门赌场开业优惠", SpamAddress = "/xwzx/spam.html";

    [Fact]
    public async Task A_foreign_newer_commit_is_never_searched_and_its_files_are_reported_as_tampering()
    {
        await using var portal = await RunningPortal.StartAsync(configureServices: TamperGuardTests.SweepAlone);
        var index = portal.Output.SearchIndexDirectory;
        Assert.DoesNotContain(SpamAddress, await SearchAsync(portal, Spam));
        Assert.Contains(PortalData.SeedTitle, await SearchAsync(portal, "生态环境保护大会"));

        var added = AddForeignCommit(index);
        File.WriteAllText(Path.Combine(index, "readme.txt"), "不属于索引的文件");
        await Task.Delay(700); // longer than a searcher waits before it looks for new commits

        Assert.DoesNotContain(SpamAddress, await SearchAsync(portal, Spam));
        Assert.Contains(PortalData.SeedTitle, await SearchAsync(portal, "生态环境保护大会"));

        Assert.True(await portal.Service<SearchIndexGuard>().SweepAsync(full: false) >= added.Count + 1);
        var reported = portal.Service<TamperAlerts>().Recent.Select(e => e.Path).ToList();
        foreach (var file in added.Append("readme.txt")) Assert.Contains("search/" + file, reported);
        Assert.Contains(added, f => f.StartsWith("segments_", StringComparison.Ordinal));
        // Rebuilt from the database: nothing foreign is left, and a second sweep finds nothing.
        Assert.Equal(0, await portal.Service<SearchIndexGuard>().SweepAsync(full: true));
        Assert.False(File.Exists(Path.Combine(index, "readme.txt")));
        Assert.DoesNotContain(SpamAddress, await SearchAsync(portal, Spam));
        var found = await SearchAsync(portal, "生态环境保护大会");
        Assert.True(found.Contains(PortalData.SeedTitle, StringComparison.Ordinal), found);
    }

    private static async Task<string> SearchAsync(RunningPortal portal, string words) =>
        System.Text.RegularExpressions.Regex.Unescape(
            await portal.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(words)));

    /// <summary>
    /// Makes a newer commit holding a spam document on a copy of the index, as someone with write access to the
    /// output would, and copies its new files into the real index folder; returns their names.
    /// </summary>
    private static List<string> AddForeignCommit(string index)
    {
        using var copy = new TempDirectory();
        foreach (var file in System.IO.Directory.GetFiles(index).Where(f => !f.EndsWith("write.lock")))
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        using (var directory = FSDirectory.Open(copy.Path))
        {
            var last = DirectoryReader.ListCommits(directory)[^1];
            using var writer = new IndexWriter(directory,
                new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer()) { OpenMode = OpenMode.APPEND });
            writer.SetCommitData(last.UserData);
            writer.AddDocument(SearchFields.ToDocument(new SearchDocument(999_999, 1, [1], Spam, Spam + "，注册即送",
                SpamAddress, DateTime.UtcNow, [])));
            writer.Commit();
        }
        var added = new List<string>();
        foreach (var file in System.IO.Directory.GetFiles(copy.Path))
        {
            var name = Path.GetFileName(file);
            if (name == "write.lock" || File.Exists(Path.Combine(index, name))) continue;
            File.Copy(file, Path.Combine(index, name));
            added.Add(name);
        }
        return added;
    }
}
