using System.Net;
using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Protection;
using GovPortal.Data;
using GovPortal.Hosting.Backup;
using GovPortal.Storage;
using GovPortal.Tests.Data;
using GovPortal.Tests.Disclosure;
using GovPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Hosting;

/// <summary>Backup with pg_dump of a running portal on a real PostgreSQL, restored into a new empty database.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresBackupTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_postgres_portal_is_backed_up_while_running_and_restored_into_an_empty_database()
    {
        using var scratch = new TempDirectory();
        var limits = new PublicFormLimits(PermitLimit: 100_000);
        await using var portal = await RunningPortal.StartAsync(
            DatabaseOptions.Postgres(await postgres.CreateDatabaseAsync()),
            configureServices: s => s.AddSingleton(limits));
        await using var room = await Newsroom.StartAsync(portal);
        var article = await room.PublishNewAsync("数据库备份测试文章");
        using var applicant = new Applicant(portal);
        var (number, code) = await applicant.ApplyAsync();
        var backup = Path.Combine(scratch.Path, "backup");
        await new PortalBackup(portal.Settings.Paths, portal.Settings.Database,
            portal.Service<PersonalDataKeyOptions>(), TimeProvider.System).CreateAsync(backup);
        Assert.True(File.Exists(Path.Combine(backup, BackupLayout.PostgresDatabase)));

        var data = Path.Combine(scratch.Path, "restored");
        var paths = new PortalPaths(data);
        var target = DatabaseOptions.Postgres(await postgres.CreateDatabaseAsync());
        var restore = new PortalRestore(paths, target, new PersonalDataKeyOptions(paths.PersonalDataKeyFile));
        await restore.RestoreAsync(backup);
        // The same database again is not empty any more: a second restore into it is refused.
        var again = new PortalRestore(new PortalPaths(Path.Combine(scratch.Path, "second")), target,
            new PersonalDataKeyOptions(Path.Combine(scratch.Path, "second.keys")));
        Assert.Contains("不是空的", (await Assert.ThrowsAsync<BackupException>(() => again.RestoreAsync(backup)))
            .Message);

        await using var restored = await RunningPortal.StartAsync(target,
            configureServices: s => s.AddSingleton(limits), dataDirectory: data);
        var url = (await room.ArticleAsync(article)).Url;
        Assert.Equal(await portal.Client.GetStringAsync(url), await restored.Client.GetStringAsync(url));
        using var later = new Applicant(restored);
        var (status, page, _) = await later.LookupAsync(number, code);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(number, page.QuerySelector("#found-number")!.TextContent);
    }
}
