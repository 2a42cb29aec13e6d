using GovPortal.Citizens.Protection;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Disclosure;
using GovPortal.Hosting;
using GovPortal.Storage;
using GovPortal.Tests.Hosting;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Citizens;

/// <summary>
/// The key of people's data at start: made for a new install, never silently replaced where sealed data exists, and a
/// damaged file told as a start-up error with its exit code.
/// </summary>
public sealed class PersonalDataKeyStartupTests
{
    [Fact]
    public async Task A_new_install_gets_a_key_and_an_existing_file_is_kept()
    {
        using var data = new TempDirectory();
        var paths = new PortalPaths(data.Path);
        var database = await MigratedAsync(paths);
        var options = new PersonalDataKeyOptions(paths.PersonalDataKeyFile);

        await PersonalDataKeyStartup.EnsureAsync(options, database, CancellationToken.None);
        var first = PersonalDataKeys.Open(options.KeyFile).CurrentId;
        await PersonalDataKeyStartup.EnsureAsync(options, database, CancellationToken.None);

        Assert.Equal(first, PersonalDataKeys.Open(options.KeyFile).CurrentId);
    }

    [Fact]
    public async Task A_missing_key_file_where_sealed_data_exists_stops_the_start_instead_of_making_a_new_key()
    {
        using var data = new TempDirectory();
        var paths = new PortalPaths(data.Path);
        var database = await MigratedAsync(paths);
        await using (var db = database.CreateContext())
        {
            var site = new Site { Code = "main", Name = "测试", BaseUrl = "https://example.gov.cn" };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            db.DisclosureApplications.Add(new DisclosureApplication
            {
                SiteId = site.Id, Number = "YSQ20261130-0001", SealedApplicant = "k1:sealed",
            });
            await db.SaveChangesAsync();
        }
        var options = new PersonalDataKeyOptions(paths.PersonalDataKeyFile);

        var refused = await Assert.ThrowsAsync<PersonalDataKeyFileException>(
            () => PersonalDataKeyStartup.EnsureAsync(options, database, CancellationToken.None));

        Assert.True(refused.Missing);
        Assert.Contains("请从备份恢复该文件", refused.Message);
        Assert.False(File.Exists(options.KeyFile));
    }

    [Fact]
    public void A_missing_damaged_or_empty_key_file_is_told_apart()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "personal-data.keys");
        foreach (var content in new[] { "k1 not-base64!\n", "k1 AAAA\n", "" })
        {
            File.WriteAllText(file, content);
            Assert.False(Assert.Throws<PersonalDataKeyFileException>(() => PersonalDataKeys.Open(file)).Missing);
        }
        Assert.True(Assert.Throws<PersonalDataKeyFileException>(
            () => PersonalDataKeys.Open(Path.Combine(folder.Path, "none"))).Missing);
        Assert.Throws<PersonalDataKeyFileException>(() => PersonalDataKeys.Rotate(Path.Combine(folder.Path, "none")));
    }

    [Fact]
    public async Task The_portal_with_a_damaged_key_file_exits_with_its_code_and_no_stack()
    {
        using var data = new TempDirectory();
        var paths = new PortalPaths(data.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.PersonalDataKeyFile)!);
        await File.WriteAllTextAsync(paths.PersonalDataKeyFile, "k1 damaged\n");

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("serve", "--demo", "--data", data.Path,
            "--urls", "http://127.0.0.1:0");

        Assert.True(exitCode == StartupFailure.KeyFileDamaged, output + errors);
        Assert.Contains("个人信息密钥文件", errors);
        Assert.DoesNotContain("   at ", output + errors);
    }

    private static async Task<DatabaseOptions> MigratedAsync(PortalPaths paths)
    {
        Directory.CreateDirectory(paths.DataDirectory);
        var database = DatabaseOptions.Sqlite(paths.DatabaseFile);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }
}
