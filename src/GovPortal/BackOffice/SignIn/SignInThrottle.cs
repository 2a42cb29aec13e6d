using System.Threading.RateLimiting;

namespace GovPortal.BackOffice.SignIn;

/// <summary>
/// Failed sign-ins per client (an IPv4 address or an IPv6 /64): past <see cref="MaxFailures"/> in
/// <see cref="Window"/>, the address may not try again until the window ends, whatever account it tries. The lockout
/// of one account stops guessing one password; this stops trying one password on many accounts.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int MaxFailures = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(
        client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = MaxFailures, Window = Window, QueueLimit = 0,
        }));

    /// <summary>Whether this client may try to sign in now (asks without using anything up).</summary>
    public bool Allows(HttpContext context)
    {
        using var lease = _failures.AttemptAcquire(Client(context), 0);
        return lease.IsAcquired;
    }

    /// <summary>Counts a failed password or second-step code from this client.</summary>
    public void Failed(HttpContext context) => _failures.AttemptAcquire(Client(context)).Dispose();

    public static string RefusedMessage =>
        $"此网络地址登录失败的次数过多，请 {Window.TotalMinutes:0} 分钟后再试。如忘记密码，请联系系统管理员重置。";

    private static string Client(HttpContext context) => Content.ClientKey.Of(context.Connection.RemoteIpAddress);

    public void Dispose() => _failures.Dispose();
}
