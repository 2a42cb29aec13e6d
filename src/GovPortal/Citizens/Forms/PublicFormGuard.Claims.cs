using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GovPortal.Citizens.Forms;

public sealed partial class PublicFormGuard
{
    /// <summary>How long the same post again waits for the first one's receipt before saying it is still running.
    /// </summary>
    private static readonly TimeSpan ClaimWait = TimeSpan.FromSeconds(30);

    /// <summary>A claim this old without a receipt was held by a process that died: another request may take over.
    /// Far longer than any post takes to handle, attachments included.</summary>
    public static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(2);

    /// <summary>How often a post held by another node is looked at again while waiting for its receipt.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    // Only the posts being handled in this process now; what was taken is in the database.
    private readonly ConcurrentDictionary<string, PostHandling> _inFlight = new(StringComparer.Ordinal);
    private HandledPostStore? _store;
    private long _nextPurgeTicks;

    private HandledPostStore Store => _store ??= new HandledPostStore(database);

    /// <summary>
    /// Claims the handling of this post: the first post with a form token handles it; the same post again (a refresh
    /// of the receipt page, a double click, a resend by a mobile network), on this node or another, before or after
    /// a restart, gets the receipt the first one gave, after waiting for it if the first is still being handled, so it
    /// is never taken twice. Dispose the claim after <see cref="FormPostClaim.Complete"/>, or without it when nothing
    /// was taken, which lets the post be sent again.
    /// </summary>
    public async Task<FormPostClaim> ClaimAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var key = KeyOf(form);
        var deadline = time.GetUtcNow().Add(ClaimWait);
        await PurgeExpiredAsync(cancellationToken);
        while (true)
        {
            var mine = new PostHandling();
            var current = _inFlight.GetOrAdd(key, mine);
            if (!ReferenceEquals(current, mine))
            {
                // Handled in this process now: wait until it is finished, then look at what it left.
                if (!await WaitAsync(current.Done.Task, deadline, cancellationToken))
                    return FormPostClaim.StillRunning();
                continue;
            }
            var holder = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var taken = false;
            HandledFormPost? row = null;
            try
            {
                (taken, row) = await TryTakeAsync(key, holder, cancellationToken);
            }
            finally
            {
                if (!taken) Forget(key, mine);
            }
            if (taken) return FormPostClaim.Handle(this, key, holder, mine);
            if (row?.ReceiptNumber is { } given) return FormPostClaim.Given(given);
            if (row is null) continue; // released between the insert and the look: try again at once
            // Handled by another node: look again shortly.
            if (!await WaitAsync(Task.Delay(PollInterval, time, cancellationToken), deadline, cancellationToken))
                return FormPostClaim.StillRunning();
        }
    }

    private async Task<(bool Taken, HandledFormPost? Row)> TryTakeAsync(string key, string holder,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await Store.TryInsertAsync(key, holder, now, now.Add(TokenLifetime), cancellationToken))
            return (true, null);
        var row = await Store.FindAsync(key, cancellationToken);
        if (row is { ReceiptNumber: null } && row.ClaimedAtUtc < now - AbandonAfter
            && await Store.TakeOverAsync(row, holder, now, cancellationToken))
            return (true, null);
        return (false, row);
    }

    /// <summary>False when the deadline passed first.</summary>
    private async Task<bool> WaitAsync(Task task, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero) return false;
        try
        {
            await task.WaitAsync(remaining, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    internal async Task FinishAsync(string key, string holder, PostHandling handling, string? receipt, bool recorded)
    {
        try
        {
            // Not cancellable: the request may be gone, but what its post did must be written down.
            if (receipt is null) await Store.ReleaseAsync(key, holder, CancellationToken.None);
            else if (!recorded) await Store.RecordAsync(key, holder, receipt, CancellationToken.None);
        }
        finally
        {
            Forget(key, handling);
        }
    }

    private void Forget(string key, PostHandling handling)
    {
        _inFlight.TryRemove(new KeyValuePair<string, PostHandling>(key, handling));
        handling.Done.TrySetResult();
    }

    /// <summary>At most once a minute, the posts whose tokens expired leave the table: they cannot come again.
    /// </summary>
    private async Task PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < due
            || Interlocked.CompareExchange(ref _nextPurgeTicks, now.Add(PurgeInterval).UtcTicks, due) != due)
            return;
        await Store.PurgeAsync(now.UtcDateTime, cancellationToken);
    }

    private static string KeyOf(IFormCollection form) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(form[TokenField].ToString())));
}
