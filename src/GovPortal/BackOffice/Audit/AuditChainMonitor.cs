namespace GovPortal.BackOffice.Audit;

/// <summary>
/// The chain's state for the health page: verified again when the last walk is older than a few minutes, one walk
/// at a time however many pages ask, so a large log is never walked by every visitor.
/// </summary>
public sealed class AuditChainMonitor(AuditChainVerifier verifier, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _walking = new(1, 1);
    private AuditChainReport? _last;

    public async Task<AuditChainReport> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(_last) is { } fresh) return fresh;
        await _walking.WaitAsync(cancellationToken);
        try
        {
            return Fresh(_last) ?? (_last = await verifier.VerifyAsync(cancellationToken: cancellationToken));
        }
        finally
        {
            _walking.Release();
        }
    }

    private AuditChainReport? Fresh(AuditChainReport? report) =>
        report is not null && time.GetUtcNow().UtcDateTime - report.CheckedAtUtc < MaxAge ? report : null;
}
