using System.Net;
using GovPortal.Citizens.Forms;
using GovPortal.Data;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// Letters on a real PostgreSQL server: the default mailboxes, numbers under concurrent letters, the longest letter
/// the form allows (its sealed content within the column), attachments, lookup and rating.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresLetterTests(PostgresServer postgres)
{
    [Fact]
    public async Task Simultaneous_letters_of_the_longest_kind_are_kept_and_each_is_found_and_rated()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var portal = await RunningPortal.StartAsync(DatabaseOptions.Postgres(connectionString),
            configureServices: s => s.AddSingleton(new PublicFormLimits(PermitLimit: 100_000)));
        await using (var db = portal.Settings.Database.CreateContext())
            Assert.Equal(4, await db.Mailboxes.CountAsync());
        var writers = Enumerable.Range(0, 4).Select(_ => new LetterWriter(portal)).ToList();
        try
        {
            // Every field at its limit, in characters JSON escapes (the seal's worst case).
            var fields = LetterWriter.ValidFields();
            (fields["subject"], fields["text"], fields["name"]) =
                (new string('题', Letter.SubjectMax), new string('文', Letter.TextMax), new string('名', 30));
            fields["email"] = new string('a', 60) + "+tag@" + new string('b', 30) + ".cn";
            var receipts = await Task.WhenAll(writers.Select(w => w.SendAsync(fields, [Upload.Png()])));
            var sequence = receipts.Select(r => int.Parse(r.Number[^4..])).Order().ToList();
            Assert.Equal(Enumerable.Range(sequence[0], 4), sequence);
            for (var i = 0; i < receipts.Length; i++)
            {
                var (status, page, _) = await writers[i].LookupAsync(receipts[i].Number, receipts[i].Code);
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal(new string('文', Letter.TextMax), page.QuerySelector("#found-text").Text());
                var other = receipts[(i + 1) % receipts.Length];
                Assert.Equal(HttpStatusCode.NotFound,
                    (await writers[i].LookupAsync(receipts[i].Number, other.Code)).Status);
            }
            await using (var db = portal.Settings.Database.CreateContext())
            {
                var letter = await db.Letters.SingleAsync(l => l.Number == receipts[0].Number);
                letter.OrganisationId = (await db.Organisations.FirstAsync()).Id;
                (letter.Reply, letter.RepliedOn, letter.Status) = ("已答复。", letter.ReceivedOn, LetterStatus.Replied);
                letter.Version++;
                await db.SaveChangesAsync();
                Assert.Equal(4, await db.LetterAttachments.CountAsync());
            }
            Assert.Equal(HttpStatusCode.OK,
                (await writers[0].RateAsync(receipts[0].Number, receipts[0].Code, "fair", new string('评', 500)))
                .Status);
            Assert.Equal(HttpStatusCode.Conflict,
                (await writers[0].RateAsync(receipts[0].Number, receipts[0].Code, "satisfied")).Status);
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
    }
}
