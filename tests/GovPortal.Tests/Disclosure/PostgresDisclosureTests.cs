using System.Net;
using GovPortal.Citizens.Forms;
using GovPortal.Data;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// Applications on a real PostgreSQL server: numbers under concurrent submissions, lookup, the calendar.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresDisclosureTests(PostgresServer postgres)
{
    [Fact]
    public async Task Simultaneous_applications_get_consecutive_numbers_and_each_finds_its_own()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var portal = await RunningPortal.StartAsync(DatabaseOptions.Postgres(connectionString),
            configureServices: s => s.AddSingleton(new PublicFormLimits(PermitLimit: 100_000)));
        var applicants = Enumerable.Range(0, 6).Select(_ => new Applicant(portal)).ToList();
        try
        {
            var receipts = await Task.WhenAll(applicants.Select(a => a.ApplyAsync()));
            var sequence = receipts.Select(r => int.Parse(r.Number[^4..])).Order().ToList();
            Assert.Equal(Enumerable.Range(sequence[0], 6), sequence);
            Assert.Single(receipts.Select(r => r.Number[..^4]).Distinct());
            for (var i = 0; i < receipts.Length; i++)
            {
                var (status, page, _) = await applicants[i].LookupAsync(receipts[i].Number, receipts[i].Code);
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal(receipts[i].Number, page.QuerySelector("#found-number").Text());
                var other = receipts[(i + 1) % receipts.Length];
                Assert.Equal(HttpStatusCode.NotFound,
                    (await applicants[i].LookupAsync(receipts[i].Number, other.Code)).Status);
            }
            await using var db = portal.Settings.Database.CreateContext();
            Assert.Equal(2, await db.CalendarYears.CountAsync(y => y.Year == 2025 || y.Year == 2026));
        }
        finally
        {
            foreach (var applicant in applicants) applicant.Dispose();
        }
    }
}
