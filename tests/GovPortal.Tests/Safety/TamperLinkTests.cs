using System.Net;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Tamper;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Safety;

/// <summary>
/// Symbolic links placed in the public folder: the tamper guard never follows them. What they point at (the
/// database, the object store, any folder outside the output) stays where it is, untouched; the link itself goes to
/// quarantine and is reported; a restore never writes through a link.
/// </summary>
public sealed class TamperLinkTests
{
    private static Task<RunningPortal> StartAsync() =>
        RunningPortal.StartAsync(configureServices: TamperGuardTests.SweepAlone);

    private static (ulong Inode, long Length) Identity(string path) =>
        FileStamp.Of(path) is { } stamp ? (stamp.Inode, stamp.Length) : (0, -1);

    [Fact]
    public async Task A_sweep_quarantines_links_to_the_database_and_the_object_store_and_leaves_their_targets()
    {
        await using var portal = await StartAsync();
        var paths = portal.Settings.Paths;
        var store = Path.GetDirectoryName(paths.ObjectStoreFile)!;
        var storeFiles = Directory.GetFiles(store).Order().ToList();
        var (database, objects) = (Identity(paths.DatabaseFile).Inode, Identity(paths.ObjectStoreFile).Inode);
        var publicDirectory = portal.Output.PublicDirectory;
        Directory.CreateSymbolicLink(Path.Combine(publicDirectory, "xwzx", "store"), store);
        File.CreateSymbolicLink(Path.Combine(publicDirectory, "db.html"), paths.DatabaseFile);

        portal.Service<TamperGuard>().Sweep(full: true);

        Assert.Equal(database, Identity(paths.DatabaseFile).Inode);
        Assert.Equal(objects, Identity(paths.ObjectStoreFile).Inode);
        Assert.Equal(storeFiles, Directory.GetFiles(store).Order().ToList());
        AssertQuarantinedLink(portal, "xwzx/store", store);
        AssertQuarantinedLink(portal, "db.html", paths.DatabaseFile);
    }

    [Fact]
    public async Task A_request_through_a_link_answers_404_and_moves_nothing_it_points_at()
    {
        await using var portal = await StartAsync();
        var paths = portal.Settings.Paths;
        var store = Path.GetDirectoryName(paths.ObjectStoreFile)!;
        var objects = Identity(paths.ObjectStoreFile).Inode;
        var database = Identity(paths.DatabaseFile).Inode;
        var publicDirectory = portal.Output.PublicDirectory;
        Directory.CreateSymbolicLink(Path.Combine(publicDirectory, "store"), store);
        File.CreateSymbolicLink(Path.Combine(publicDirectory, "db.html"), paths.DatabaseFile);

        using (var response = await portal.Client.GetAsync("/store/objects.db"))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using (var response = await portal.Client.GetAsync("/db.html"))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        Assert.Equal(objects, Identity(paths.ObjectStoreFile).Inode);
        Assert.Equal(database, Identity(paths.DatabaseFile).Inode);
        AssertQuarantinedLink(portal, "store", store);
        AssertQuarantinedLink(portal, "db.html", paths.DatabaseFile);
    }

    [Fact]
    public async Task A_published_folder_replaced_by_a_link_is_restored_as_a_real_folder_never_through_the_link()
    {
        await using var portal = await StartAsync();
        var outside = Path.Combine(portal.DataDirectory, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "index.html"), "不属于网站的文件");
        var channel = Path.Combine(portal.Output.PublicDirectory, "zcwj");
        var page = Path.Combine(channel, "index.html");
        var original = await File.ReadAllBytesAsync(page);
        Directory.Move(channel, channel + ".moved");
        Directory.CreateSymbolicLink(channel, outside);

        using (var response = await portal.Client.GetAsync("/zcwj/"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(original, await response.Content.ReadAsByteArrayAsync());
        }
        portal.Service<TamperGuard>().Sweep(full: true);

        Assert.Equal(["index.html"], Directory.GetFileSystemEntries(outside).Select(Path.GetFileName));
        Assert.Equal("不属于网站的文件", File.ReadAllText(Path.Combine(outside, "index.html")));
        Assert.Null(new DirectoryInfo(channel).LinkTarget);
        Assert.Equal(original, await File.ReadAllBytesAsync(page));
        AssertQuarantinedLink(portal, "zcwj", outside, restoredInItsPlace: true);
    }

    [Fact]
    public async Task A_published_page_replaced_by_a_link_is_put_back_without_writing_to_its_target()
    {
        await using var portal = await StartAsync();
        var seed = await portal.SeedArticleAsync();
        var page = Path.Combine(portal.Output.PublicDirectory, seed.Url!.TrimStart('/'));
        var original = await File.ReadAllBytesAsync(page);
        var outside = Path.Combine(portal.DataDirectory, "secret.txt");
        File.WriteAllText(outside, "机密");
        File.Delete(page);
        File.CreateSymbolicLink(page, outside);

        portal.Service<TamperGuard>().Sweep(full: true);

        Assert.Equal("机密", File.ReadAllText(outside));
        Assert.Null(new FileInfo(page).LinkTarget);
        Assert.Equal(original, await File.ReadAllBytesAsync(page));
    }

    private static void AssertQuarantinedLink(RunningPortal portal, string relativePath, string target,
        bool restoredInItsPlace = false)
    {
        Assert.Equal(restoredInItsPlace, Path.Exists(Path.Combine(portal.Output.PublicDirectory, relativePath)));
        Assert.Null(new FileInfo(Path.Combine(portal.Output.PublicDirectory, relativePath)).LinkTarget);
        var name = Path.GetFileName(relativePath);
        var quarantined = new DirectoryInfo(portal.Settings.Paths.QuarantineDirectory)
            .EnumerateFileSystemInfos(name, SearchOption.AllDirectories)
            .Where(i => i.LinkTarget is not null).ToList();
        Assert.Contains(quarantined, i => i.LinkTarget == target);
        Assert.Contains(portal.Service<TamperAlerts>().Recent,
            e => e.Kind == TamperKind.Unpublished && e.Path == relativePath);
    }
}
