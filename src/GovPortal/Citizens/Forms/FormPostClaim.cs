using GovPortal.Data;

namespace GovPortal.Citizens.Forms;

/// <summary>A post being handled in this process: the same post arriving here meanwhile waits for
/// <see cref="Done"/> instead of asking the database again and again.</summary>
internal sealed class PostHandling
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// The outcome of <see cref="PublicFormGuard.ClaimAsync"/>: this request handles the post
/// (<see cref="MayHandle"/>), or the same post was already taken (<see cref="GivenReceipt"/>), or it is still being
/// taken by another request after a long wait (<see cref="IsStillRunning"/>). A held claim is finished by disposing
/// it: with the receipt given to <see cref="Complete"/> it is kept for the token's lifetime; without, it is released
/// and the post may come again.
/// </summary>
public sealed class FormPostClaim : IAsyncDisposable
{
    /// <summary>For the same post while the first is still being taken, shown above the form with the input kept.
    /// </summary>
    public const string StillRunningMessage =
        "同样的内容正在提交中，请不要重复点击。您填写的内容已保留在下面：请稍等一分钟再提交一次，如果已经提交成功，页面会显示编号。";

    private readonly PublicFormGuard? _guard;
    private readonly string _key = "";
    private readonly string _holder = "";
    private readonly PostHandling? _handling;
    private string? _receipt;
    private string? _stagedReceipt;
    private bool _finished;

    private FormPostClaim(PublicFormGuard? guard, string key, string holder, PostHandling? handling, string? given,
        bool running)
    {
        _guard = guard;
        _key = key;
        _holder = holder;
        _handling = handling;
        GivenReceipt = given;
        IsStillRunning = running;
        _finished = handling is null;
    }

    public bool MayHandle => _handling is not null;

    /// <summary>The receipt number the first post with this token was given.</summary>
    public string? GivenReceipt { get; }

    public bool IsStillRunning { get; }

    internal static FormPostClaim Handle(PublicFormGuard guard, string key, string holder, PostHandling handling) =>
        new(guard, key, holder, handling, null, false);

    internal static FormPostClaim Given(string receipt) => new(null, "", "", null, receipt, false);

    internal static FormPostClaim StillRunning() => new(null, "", "", null, null, true);

    /// <summary>
    /// Adds the receipt to <paramref name="db"/>'s pending changes, so it is committed in the same transaction as the
    /// letter or application it names: a crash between the two can then never let the post be taken twice.
    /// </summary>
    public void RecordIn(GovPortalDbContext db, string receipt)
    {
        if (_finished) throw new InvalidOperationException("The claim was already finished or is not held.");
        HandledPostStore.RecordIn(db, _key, _holder, receipt);
        _stagedReceipt = receipt;
    }

    /// <summary>Records that the post was taken with this receipt number: the same post again gets it.</summary>
    public void Complete(string receipt)
    {
        if (_finished) throw new InvalidOperationException("The claim was already finished or is not held.");
        _receipt = receipt;
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        _finished = true;
        await _guard!.FinishAsync(_key, _holder, _handling!, _receipt, recorded: _receipt == _stagedReceipt);
    }
}
