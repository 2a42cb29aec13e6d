using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Sessions;
using GovPortal.Data;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

/// <summary>Sign-in sessions on a real PostgreSQL server: ended by another client and by signing out.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresSessionTests(PostgresServer postgres)
{
    [Fact]
    public async Task Sessions_are_listed_ended_and_refused_on_postgresql()
    {
        await using var portal = await RunningPortal.StartAsync(
            DatabaseOptions.Postgres(await postgres.CreateDatabaseAsync()));
        await TestAccounts.CreateAsync(portal, "pg-session", [StaffRoles.Editor], "bmdt");
        using var first = await StaffClient.SignInAsync(portal, "pg-session");
        using var second = await StaffClient.SignInAsync(portal, "pg-session");
        Assert.Equal(HttpStatusCode.SeeOther,
            (await second.PostAsync("sessions/end-others", [], tokenPage: "sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync("logout", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("")).StatusCode);
        await using var db = portal.Settings.Database.CreateContext();
        var sessions = db.SignInSessions.ToList();
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.NotNull(s.EndedAtUtc));
        Assert.Contains(sessions, s => s.EndReason == SessionEndReason.SignedOut);
        Assert.Single(db.AuditEntries.Where(e => e.Action == AuditActions.SessionEnded).ToList());
    }
}
