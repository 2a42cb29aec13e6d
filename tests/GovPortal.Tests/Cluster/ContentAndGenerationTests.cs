using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Publishing.Replication;
using GovPortal.Tests.Support;
using Npgsql;

namespace GovPortal.Tests.Cluster;

/// <summary>
/// With PostgreSQL an article's change and the generation that publishes it are one transaction: when the
/// generation cannot be written, the change is not saved either, the pages stay as they were, and the editor is told;
/// once the database takes generations again, the same publish goes through.
/// </summary>
[Trait("Needs", "PostgreSQL")]
[Collection(ClusterCollection.Name)]
public sealed class ContentAndGenerationTests(OriginAndNodes cluster)
{
    [Fact]
    public async Task A_change_whose_generation_the_database_refuses_is_not_saved_and_its_page_stays_as_it_was()
    {
        var room = cluster.Room;
        var id = await room.PublishNewAsync("事务测试：原来的标题");
        var url = (await room.ArticleAsync(id)).Url!;
        // The change is to be planned from the output as it is. A site left waiting for a full rebuild (by an earlier
        // test of the collection, on some timing) saves a change first and publishes it in full: another path.
        var publisher = cluster.Origin.Service<Publisher>();
        if (!publisher.OutputIsCurrent) await publisher.PublishAllAsync();
        var page = await cluster.Origin.Client.GetByteArrayAsync(url);
        var turns = cluster.Origin.Service<OriginTurns>();

        var revision = await room.RevisionAsync(id);
        var saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit", Newsroom.Fields(revision.ChannelId,
            "事务测试：改过的标题", "<p>改过的正文。</p>", baseRevisionId: revision.Id, baseVersion: revision.Version), []);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, saved.StatusCode);
        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");

        await RefuseGenerationsAsync(true);
        try
        {
            // Read once no generation can be written: work the origin does in the background (the 互动交流 pages'
            // refresh, list pages left for after a change) may write one until then.
            var generation = (await turns.GenerationsAsync(CancellationToken.None))[OutputLayout.FirstSiteCode];
            var refused = await room.ActAsync(room.Publisher, id, "publish");
            var answer = await refused.Content.ReadAsStringAsync();
            Assert.True(answer.Contains("未能发布"),
                $"Not told ({(int)refused.StatusCode}); the origin logged:\n{cluster.Origin.LoggedErrors()}");
            Assert.Equal("事务测试：原来的标题", (await room.ArticleAsync(id)).Title);
            Assert.Equal(page, await cluster.Origin.Client.GetByteArrayAsync(url));
            Assert.Equal(generation,
                (await turns.GenerationsAsync(CancellationToken.None))[OutputLayout.FirstSiteCode]);
        }
        finally
        {
            await RefuseGenerationsAsync(false);
        }

        await room.DoAsync(room.Publisher, id, "publish");
        Assert.Equal("事务测试：改过的标题", (await room.ArticleAsync(id)).Title);
        Assert.Contains("事务测试：改过的标题", await cluster.Origin.Client.GetStringAsync(url));
    }

    /// <summary>A trigger on the generations' table that fails every commit of a generation, or its removal.</summary>
    private async Task RefuseGenerationsAsync(bool refuse)
    {
        await using var connection = new NpgsqlConnection(cluster.Database.PrimaryConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(refuse
            ? """
              CREATE OR REPLACE FUNCTION refuse_generation() RETURNS trigger LANGUAGE plpgsql AS
                  $$ BEGIN RAISE EXCEPTION 'generations refused by the test'; END $$;
              CREATE TRIGGER refuse_generation BEFORE INSERT OR UPDATE ON output_sites
                  FOR EACH ROW EXECUTE FUNCTION refuse_generation();
              """
            : "DROP TRIGGER IF EXISTS refuse_generation ON output_sites", connection);
        await command.ExecuteNonQueryAsync();
    }
}
