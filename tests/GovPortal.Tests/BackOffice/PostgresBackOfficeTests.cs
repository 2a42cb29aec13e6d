using System.Net;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Npgsql;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// The back office on a real PostgreSQL server: sign-in, the workflow to a live page, and the append-only audit log.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresBackOfficeTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_workflow_publishes_and_the_audit_log_refuses_changes_on_postgresql()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var portal = await RunningPortal.StartAsync(DatabaseOptions.Postgres(connectionString));
        await using var room = await Newsroom.StartAsync(portal);
        var id = await room.PublishNewAsync("澄阳街道举办就业招聘会", "<p>澄阳街道举办春季就业招聘会。</p>");
        Assert.Equal(RevisionState.Published, (await room.RevisionAsync(id)).State);
        var article = await room.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync(article.Url)).StatusCode);

        // Two saves from the same loaded form: the second is refused on this provider too.
        var draft = await room.WriteAsync("并发测试");
        var loaded = await room.RevisionAsync(draft);
        var fields = Newsroom.Fields(loaded.ChannelId, "第一次保存", "<p>一</p>", baseRevisionId: loaded.Id,
            baseVersion: loaded.Version);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await room.Editor.PostMultipartAsync($"articles/{draft}/edit", fields, [])).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await room.Editor.PostMultipartAsync($"articles/{draft}/edit", fields, [])).StatusCode);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE \"AuditEntries\" SET \"Details\" = 'x'", "DELETE FROM \"AuditEntries\"",
            "TRUNCATE \"AuditEntries\"" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText);
        }
        await using var db = portal.Settings.Database.CreateContext();
        Assert.Contains(db.AuditEntries.Select(e => e.Action).ToList(), a => a == AuditActions.ArticlePublished);
    }
}
