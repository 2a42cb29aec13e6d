using System.Net;
using System.Security.Cryptography;
using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Protection;
using GovPortal.Data;
using GovPortal.Hosting.Backup;
using GovPortal.Publishing.Output;
using GovPortal.Storage;
using GovPortal.Tests.Disclosure;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Hosting;

/// <summary>
/// A backup of a running portal, restored into an empty folder on "another machine", brings the same site back:
/// every published file byte for byte against the manifest, the back office's data, the uploads and the people's
/// data that only the restored key opens.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly TempDirectory _scratch = new();
    private RunningPortal _portal = null!;
    private Newsroom _room = null!;
    private int _article;
    private (string Number, string Code) _application;

    public async Task InitializeAsync()
    {
        _portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new PublicFormLimits(PermitLimit: 100_000)));
        _room = await Newsroom.StartAsync(_portal);
        _article = await _room.PublishNewAsync("备份恢复测试文章", files: [("通知.pdf", TestPdf.Create("备份测试附件"))]);
        using var applicant = new Applicant(_portal);
        _application = await applicant.ApplyAsync();
    }

    private PortalBackup BackupOf(RunningPortal portal) => new(portal.Settings.Paths, portal.Settings.Database,
        portal.Service<PersonalDataKeyOptions>(), TimeProvider.System);

    private static PortalRestore RestoreInto(string data) => new(new PortalPaths(data),
        DatabaseOptions.Sqlite(new PortalPaths(data).DatabaseFile),
        new PersonalDataKeyOptions(new PortalPaths(data).PersonalDataKeyFile));

    [Fact]
    public async Task A_backup_of_the_running_portal_restores_the_same_site_on_an_empty_folder()
    {
        var backup = Path.Combine(_scratch.Path, "backup-1");
        var report = await BackupOf(_portal).CreateAsync(backup);
        Assert.Contains(OutputLayout.FirstSiteCode, report.Sites);
        Assert.True(File.Exists(Path.Combine(backup, BackupLayout.PersonalDataKey)), "the key is in the backup");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(backup));

        var data = Path.Combine(_scratch.Path, "restored-1");
        var restored = await RestoreInto(data).RestoreAsync(backup);
        var original = _portal.Output;
        var manifest = Manifest.Open(original.ManifestFile);
        Assert.Equal(manifest.Count, restored.PublishedFiles);
        var layout = OutputLayout.For(new PortalPaths(data), OutputLayout.FirstSiteCode);
        foreach (var entry in manifest.Entries)
        {
            var bytes = await File.ReadAllBytesAsync(layout.FullPathOf(entry.Path));
            Assert.True(Convert.ToHexStringLower(SHA256.HashData(bytes)) == entry.Sha256, entry.Path);
        }

        await using var again = await RunningPortal.StartAsync(dataDirectory: data,
            configureServices: s => s.AddSingleton(new PublicFormLimits(PermitLimit: 100_000)));
        var url = (await _room.ArticleAsync(_article)).Url;
        Assert.Equal(await _portal.Client.GetStringAsync(url), await again.Client.GetStringAsync(url));
        // The search index was rebuilt at the first start.
        Assert.Contains("备份恢复测试文章", await again.Client.GetStringAsync("/search?q=备份恢复测试文章"));
        // The applicant's data opens with the restored key, and the staff sign in with their passwords.
        using (var applicant = new Applicant(again))
        {
            var (status, page, _) = await applicant.LookupAsync(_application.Number, _application.Code);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(_application.Number, page.QuerySelector("#found-number")!.TextContent);
        }
        using var editor = await StaffClient.SignInAsync(again, "lihua");
        await using var db = again.Settings.Database.CreateContext();
        var revision = await db.Revisions.Include(r => r.Files).Where(r => r.ArticleId == _article)
            .OrderBy(r => r.Number).LastAsync();
        var upload = Assert.Single(revision.Files);
        Assert.True(File.Exists(Path.Combine(data, "uploads", upload.StoredName)), upload.StoredName);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_is_written()
    {
        var backup = Path.Combine(_scratch.Path, "backup-2");
        await BackupOf(_portal).CreateAsync(backup);
        var database = Path.Combine(backup, BackupLayout.SqliteDatabase);
        var bytes = await File.ReadAllBytesAsync(database);
        bytes[^1] ^= 0x5A;
        await File.WriteAllBytesAsync(database, bytes);
        var data = Path.Combine(_scratch.Path, "restored-2");
        var refused = await Assert.ThrowsAsync<BackupException>(() => RestoreInto(data).RestoreAsync(backup));
        Assert.Contains(BackupLayout.SqliteDatabase, refused.Message);
        Assert.Contains("校验值不符", refused.Message);
        Assert.False(Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any());

        File.Delete(Path.Combine(backup, BackupCatalog.FileName));
        var unfinished = await Assert.ThrowsAsync<BackupException>(() => RestoreInto(data).RestoreAsync(backup));
        Assert.Contains("不是完整的备份", unfinished.Message);
    }

    [Fact]
    public async Task Nothing_is_overwritten_neither_a_backup_folder_nor_a_data_folder_in_use()
    {
        var busy = Path.Combine(_scratch.Path, "busy");
        Directory.CreateDirectory(busy);
        await File.WriteAllTextAsync(Path.Combine(busy, "keep.txt"), "keep");
        var refused = await Assert.ThrowsAsync<BackupException>(() => BackupOf(_portal).CreateAsync(busy));
        Assert.Contains("不是空的", refused.Message);
        Assert.Equal("keep", await File.ReadAllTextAsync(Path.Combine(busy, "keep.txt")));
        var inside = await Assert.ThrowsAsync<BackupException>(() =>
            BackupOf(_portal).CreateAsync(Path.Combine(_portal.DataDirectory, "backup")));
        Assert.Contains("数据目录里面", inside.Message);

        var backup = Path.Combine(_scratch.Path, "backup-3");
        await BackupOf(_portal).CreateAsync(backup);
        var intoRunning = await Assert.ThrowsAsync<BackupException>(() =>
            RestoreInto(_portal.DataDirectory).RestoreAsync(backup));
        Assert.Contains("不是空的", intoRunning.Message);
    }

    [Fact]
    public async Task A_link_planted_in_the_data_folder_does_not_carry_outside_files_into_the_backup()
    {
        var secret = Path.Combine(_scratch.Path, "outside-secret.txt");
        await File.WriteAllTextAsync(secret, "not the portal's");
        var link = Path.Combine(_portal.DataDirectory, "uploads", "planted-link");
        File.CreateSymbolicLink(link, secret);
        try
        {
            var backup = Path.Combine(_scratch.Path, "backup-4");
            await BackupOf(_portal).CreateAsync(backup);
            Assert.False(File.Exists(Path.Combine(backup, "uploads", "planted-link")));
        }
        finally
        {
            File.Delete(link);
        }
    }

    public async Task DisposeAsync()
    {
        await _room.DisposeAsync();
        await _portal.DisposeAsync();
        _scratch.Dispose();
    }
}
