using GovPortal.Citizens.Forms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace GovPortal.Tests.Citizens;

/// <summary>The same public form post sent twice is taken once, however close together the two arrive.</summary>
public sealed class FormPostClaimTests : IDisposable
{
    private readonly PublicFormGuard _guard =
        new(new EphemeralDataProtectionProvider(), TimeProvider.System, new PublicFormLimits());

    private static FormCollection Post(string token) =>
        new(new Dictionary<string, StringValues> { [PublicFormGuard.TokenField] = token });

    [Fact]
    public async Task A_second_post_arriving_while_the_first_is_handled_waits_and_gets_the_first_receipt()
    {
        var first = await _guard.ClaimAsync(Post("t1"), CancellationToken.None);
        Assert.True(first.MayHandle);
        var second = _guard.ClaimAsync(Post("t1"), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted, "the second post must wait for the first, not be taken as well");
        first.Complete("YSQ20261201-0001");
        first.Dispose();
        using var again = await second;
        Assert.False(again.MayHandle);
        Assert.Equal("YSQ20261201-0001", again.GivenReceipt);
    }

    [Fact]
    public async Task A_post_that_was_not_taken_may_be_sent_again()
    {
        var first = await _guard.ClaimAsync(Post("t2"), CancellationToken.None);
        var second = _guard.ClaimAsync(Post("t2"), CancellationToken.None);
        first.Dispose(); // a validation error: nothing taken
        using var again = await second;
        Assert.True(again.MayHandle);
        Assert.Null(again.GivenReceipt);
    }

    [Fact]
    public async Task Many_identical_posts_at_once_are_handled_by_exactly_one()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var claim = await _guard.ClaimAsync(Post("t3"), CancellationToken.None);
            if (claim.MayHandle)
            {
                await Task.Delay(20);
                claim.Complete("XJ-1");
            }
            claim.Dispose();
            return claim;
        })));
        Assert.Single(claims, c => c.MayHandle);
        Assert.All(claims.Where(c => !c.MayHandle), c => Assert.Equal("XJ-1", c.GivenReceipt));
    }

    [Fact]
    public async Task Different_posts_do_not_wait_for_each_other()
    {
        using var first = await _guard.ClaimAsync(Post("t4"), CancellationToken.None);
        using var other = await _guard.ClaimAsync(Post("t5"), CancellationToken.None);
        Assert.True(first.MayHandle);
        Assert.True(other.MayHandle);
    }

    public void Dispose() => _guard.Dispose();
}
