using GovPortal.Citizens.Forms;
using GovPortal.Data;
using GovPortal.Tests.Audit;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace GovPortal.Tests.Citizens;

/// <summary>The same public form post sent twice is taken once, however close together the two arrive, and after a
/// restart; what was taken is kept in the database, not in memory.</summary>
public sealed class FormPostClaimTests : IAsyncLifetime
{
    private AuditTestDatabase _data = null!;
    private PublicFormGuard _guard = null!;

    public async Task InitializeAsync()
    {
        _data = await AuditTestDatabase.SqliteAsync();
        _guard = FormPostClaimSupport.Guard(_data.Database, TimeProvider.System);
    }

    [Fact]
    public async Task A_second_post_arriving_while_the_first_is_handled_waits_and_gets_the_first_receipt()
    {
        var first = await _guard.ClaimAsync(FormPostClaimSupport.Post("t1"), CancellationToken.None);
        Assert.True(first.MayHandle);
        var second = _guard.ClaimAsync(FormPostClaimSupport.Post("t1"), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted, "the second post must wait for the first, not be taken as well");
        first.Complete("YSQ20261201-0001");
        await first.DisposeAsync();
        await using var again = await second;
        Assert.False(again.MayHandle);
        Assert.Equal("YSQ20261201-0001", again.GivenReceipt);
    }

    [Fact]
    public async Task A_post_that_was_not_taken_may_be_sent_again()
    {
        var first = await _guard.ClaimAsync(FormPostClaimSupport.Post("t2"), CancellationToken.None);
        var second = _guard.ClaimAsync(FormPostClaimSupport.Post("t2"), CancellationToken.None);
        await first.DisposeAsync(); // a validation error: nothing taken
        await using var again = await second;
        Assert.True(again.MayHandle);
        Assert.Null(again.GivenReceipt);
    }

    [Fact]
    public async Task Many_identical_posts_at_once_are_handled_by_exactly_one()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var claim = await _guard.ClaimAsync(FormPostClaimSupport.Post("t3"), CancellationToken.None);
            if (claim.MayHandle)
            {
                await Task.Delay(20);
                claim.Complete("XJ-1");
            }
            await claim.DisposeAsync();
            return claim;
        })));
        Assert.Single(claims, c => c.MayHandle);
        Assert.All(claims.Where(c => !c.MayHandle), c => Assert.Equal("XJ-1", c.GivenReceipt));
    }

    [Fact]
    public async Task Different_posts_do_not_wait_for_each_other()
    {
        await using var first = await _guard.ClaimAsync(FormPostClaimSupport.Post("t4"), CancellationToken.None);
        await using var other = await _guard.ClaimAsync(FormPostClaimSupport.Post("t5"), CancellationToken.None);
        Assert.True(first.MayHandle);
        Assert.True(other.MayHandle);
    }

    [Fact]
    public async Task A_receipt_saved_with_what_it_names_answers_the_same_post_after_a_crash_and_restart()
    {
        var claim = await _guard.ClaimAsync(FormPostClaimSupport.Post("t6"), CancellationToken.None);
        await using (var db = _data.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            claim.RecordIn(db, "XJ20261202-0007");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        // The process dies here: the claim is never finished, and a new process starts on the same database.
        var restarted = FormPostClaimSupport.Guard(_data.Database, TimeProvider.System);
        await using var again = await restarted.ClaimAsync(FormPostClaimSupport.Post("t6"), CancellationToken.None);
        Assert.False(again.MayHandle);
        Assert.Equal("XJ20261202-0007", again.GivenReceipt);
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_process_is_taken_over_once_it_is_plainly_abandoned()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        var dead = FormPostClaimSupport.Guard(_data.Database, clock);
        Assert.True((await dead.ClaimAsync(FormPostClaimSupport.Post("t7"), CancellationToken.None)).MayHandle);

        // Soon after: the post may still be running on the dead node, so the same post again waits, and is told
        // that it is still running when its wait is over.
        var other = FormPostClaimSupport.Guard(_data.Database, clock);
        clock.Now = clock.Now.AddSeconds(10);
        var early = other.ClaimAsync(FormPostClaimSupport.Post("t7"), CancellationToken.None);
        await Task.Delay(600);
        Assert.False(early.IsCompleted, "a claim taken a few seconds ago must not be taken over");
        clock.Now = clock.Now.AddSeconds(31);
        await using (var waited = await early) Assert.True(waited.IsStillRunning);

        clock.Now = clock.Now.Add(PublicFormGuard.AbandonAfter);
        await using var late = await other.ClaimAsync(FormPostClaimSupport.Post("t7"), CancellationToken.None);
        Assert.True(late.MayHandle);
    }

    [Fact]
    public async Task Posts_whose_tokens_expired_leave_the_table()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        var guard = FormPostClaimSupport.Guard(_data.Database, clock);
        var claim = await guard.ClaimAsync(FormPostClaimSupport.Post("t8"), CancellationToken.None);
        claim.Complete("XJ-8");
        await claim.DisposeAsync();
        Assert.Equal(1, await FormPostClaimSupport.CountAsync(_data.Database, "t8"));

        clock.Now = clock.Now.AddHours(5);
        await using var next = await guard.ClaimAsync(FormPostClaimSupport.Post("t9"), CancellationToken.None);
        Assert.Equal(0, await FormPostClaimSupport.CountAsync(_data.Database, "t8"));
    }

    public async Task DisposeAsync()
    {
        _guard.Dispose();
        await _data.DisposeAsync();
    }
}

/// <summary>Two nodes on one PostgreSQL database: the same post sent to both is taken once.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresFormPostClaimTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_same_post_sent_to_two_nodes_is_taken_by_one_and_the_other_gets_its_receipt()
    {
        await using var data = await AuditTestDatabase.PostgresAsync(postgres);
        var nodeA = FormPostClaimSupport.Guard(data.Database, TimeProvider.System);
        var nodeB = FormPostClaimSupport.Guard(data.Database, TimeProvider.System);
        var first = await nodeA.ClaimAsync(FormPostClaimSupport.Post("p1"), CancellationToken.None);
        Assert.True(first.MayHandle);
        var second = nodeB.ClaimAsync(FormPostClaimSupport.Post("p1"), CancellationToken.None);
        await Task.Delay(400);
        Assert.False(second.IsCompleted, "node B must wait for node A's receipt, not take the post as well");
        first.Complete("YSQ20261202-0001");
        await first.DisposeAsync();
        await using var again = await second;
        Assert.False(again.MayHandle);
        Assert.Equal("YSQ20261202-0001", again.GivenReceipt);
    }
}

internal static class FormPostClaimSupport
{
    public static PublicFormGuard Guard(DatabaseOptions database, TimeProvider time) =>
        new(new EphemeralDataProtectionProvider(), time, new PublicFormLimits(), database);

    public static FormCollection Post(string token) =>
        new(new Dictionary<string, StringValues> { [PublicFormGuard.TokenField] = token });

    public static async Task<int> CountAsync(DatabaseOptions database, string token)
    {
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(token)));
        await using var db = database.CreateContext();
        return await db.HandledFormPosts.CountAsync(p => p.TokenHash == hash);
    }
}
