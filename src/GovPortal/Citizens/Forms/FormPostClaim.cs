namespace GovPortal.Citizens.Forms;

/// <summary>One post being handled, keyed by its form token; <see cref="Receipt"/> is set once it was taken.</summary>
internal sealed class PostHandling(DateTimeOffset expires)
{
    public DateTimeOffset Expires { get; } = expires;

    /// <summary>Set before <see cref="Done"/> completes, which publishes it to the waiting requests.</summary>
    public string? Receipt { get; set; }

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// The outcome of <see cref="PublicFormGuard.ClaimAsync"/>: this request handles the post
/// (<see cref="MayHandle"/>), or the same post was already taken (<see cref="GivenReceipt"/>), or it is still being
/// taken by another request after a long wait (<see cref="IsStillRunning"/>).
/// </summary>
public sealed class FormPostClaim : IDisposable
{
    /// <summary>For the same post while the first is still being taken, shown above the form with the input kept.
    /// </summary>
    public const string StillRunningMessage =
        "同样的内容正在提交中，请不要重复点击。您填写的内容已保留在下面：请稍等一分钟再提交一次，如果已经提交成功，页面会显示编号。";

    private readonly PublicFormGuard? _guard;
    private readonly string _key = "";
    private readonly PostHandling? _handling;
    private bool _finished;

    private FormPostClaim(PublicFormGuard? guard, string key, PostHandling? handling, string? given, bool running)
    {
        _guard = guard;
        _key = key;
        _handling = handling;
        GivenReceipt = given;
        IsStillRunning = running;
        _finished = handling is null;
    }

    public bool MayHandle => _handling is not null;

    /// <summary>The receipt number the first post with this token was given.</summary>
    public string? GivenReceipt { get; }

    public bool IsStillRunning { get; }

    internal static FormPostClaim Handle(PublicFormGuard guard, string key, PostHandling handling) =>
        new(guard, key, handling, null, false);

    internal static FormPostClaim Given(string receipt) => new(null, "", null, receipt, false);

    internal static FormPostClaim StillRunning() => new(null, "", null, null, true);

    /// <summary>Records that the post was taken with this receipt number: the same post again gets it.</summary>
    public void Complete(string receipt)
    {
        if (_finished) throw new InvalidOperationException("The claim was already finished or is not held.");
        _finished = true;
        _guard!.Finish(_key, _handling!, receipt);
    }

    /// <summary>Without <see cref="Complete"/>, nothing was taken: the claim is released and the post may come again.
    /// </summary>
    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        _guard!.Finish(_key, _handling!, null);
    }
}
