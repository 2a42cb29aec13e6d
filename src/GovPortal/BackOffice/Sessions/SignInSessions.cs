using System.Security.Cryptography;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Sessions;

/// <summary>
/// The back office's sign-in sessions on the server. Every request reads its session row again (no cache), so a
/// session ended here, or by another portal process on the same database, refuses its cookie at the very next
/// request. Idle time-out and the absolute lifetime are decided here from the stored times, not by the cookie.
/// </summary>
public sealed class SignInSessions(DatabaseOptions database, BackOfficeOptions options, AuditLog audit,
    TimeProvider time)
{
    /// <summary>The name under which the session id travels in the (encrypted) cookie's properties.</summary>
    public const string CookieProperty = "gp.session";

    /// <summary>The claim that tells a request's pages which session it came with.</summary>
    public const string Claim = "govportal:session";

    /// <summary>
    /// The last-seen time is written at most this often, so that a page with its styles and scripts costs one write
    /// a minute rather than one per request; the idle time is therefore measured to within a minute (never longer).
    /// </summary>
    public static readonly TimeSpan ActivityStep = TimeSpan.FromMinutes(1);

    /// <summary>Rows of sessions not used for this long are deleted when their account next signs in.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(90);

    public TimeSpan IdleTimeout => options.SessionIdleTimeout;
    public TimeSpan Lifetime => options.SessionLifetime;

    /// <summary>Starts a session for a sign-in that has just succeeded; returns its id.</summary>
    public async Task<string> StartAsync(string userId, string? clientAddress, string? userAgent,
        CancellationToken cancellationToken = default)
    {
        var now = Now();
        var session = new SignInSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            CreatedAtUtc = now,
            LastSeenAtUtc = now,
            ClientAddress = Clip(clientAddress ?? "", 64),
            UserAgent = Clip(Printable(Clip(userAgent ?? "", 1000)), SignInSession.UserAgentLength),
        };
        await using var db = database.CreateContext();
        var old = now - KeptFor;
        await db.SignInSessions.Where(s => s.UserId == userId && s.LastSeenAtUtc < old)
            .ExecuteDeleteAsync(cancellationToken);
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Whether the session may carry this request; a session found idle or past its lifetime is ended (and audited)
    /// here. Null when it is live; otherwise the reason it is not (empty when there is no such session).
    /// </summary>
    public async Task<string?> CheckAsync(string sessionId, string userId,
        CancellationToken cancellationToken = default)
    {
        var now = Now();
        SignInSession? session;
        await using (var db = database.CreateContext())
            session = await db.SignInSessions.AsNoTracking()
                .FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.UserId != userId) return "";
        if (session.EndedAtUtc is not null) return session.EndReason;
        var ending = now - session.CreatedAtUtc >= Lifetime ? SessionEndReason.Expired
            : now - session.LastSeenAtUtc >= IdleTimeout ? SessionEndReason.Idle
            : null;
        if (ending is not null)
        {
            await EndAsync(sessionId, ending, actor: "", actorAddress: session.ClientAddress, cancellationToken);
            return ending;
        }
        if (now - session.LastSeenAtUtc >= ActivityStep)
        {
            await using var db = database.CreateContext();
            await db.SignInSessions.Where(s => s.Id == sessionId && s.EndedAtUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAtUtc, now), cancellationToken);
        }
        return null;
    }

    /// <summary>
    /// Ends one session if it is still open, and audits it (except a sign-out, which the sign-out entry records).
    /// False when it had already ended or does not exist.
    /// </summary>
    public async Task<bool> EndAsync(string sessionId, string reason, string actor, string? actorAddress,
        CancellationToken cancellationToken = default)
    {
        var now = Now();
        await using var db = database.CreateContext();
        var ended = await db.SignInSessions.Where(s => s.Id == sessionId && s.EndedAtUtc == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.EndedAtUtc, now)
                .SetProperty(s => s.EndedBy, Clip(actor, 256))
                .SetProperty(s => s.EndReason, reason), cancellationToken);
        if (ended == 0) return false;
        if (reason == SessionEndReason.SignedOut) return true;
        var row = await db.SignInSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, u.UserName })
            .FirstAsync(cancellationToken);
        await audit.WriteAsync(actor, actorAddress, AuditActions.SessionEnded, $"账号 {row.UserName}",
            $"结束登录会话（{SessionEndReason.Label(reason)}）：{Describe(row.Session)}", cancellationToken);
        return true;
    }

    /// <summary>Ends every open session of an account but <paramref name="keep"/>; returns how many ended.</summary>
    public async Task<int> EndAllAsync(string userId, string? keep, string reason, string actor, string? actorAddress,
        CancellationToken cancellationToken = default)
    {
        List<string> open;
        await using (var db = database.CreateContext())
            open = await db.SignInSessions.Where(s => s.UserId == userId && s.EndedAtUtc == null && s.Id != keep)
                .Select(s => s.Id).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in open)
            if (await EndAsync(id, reason, actor, actorAddress, cancellationToken)) count++;
        return count;
    }

    /// <summary>An account's live sessions, most recently used first, and the last ten that ended.</summary>
    public async Task<SessionList> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = Now();
        await using var db = database.CreateContext();
        var rows = await db.SignInSessions.AsNoTracking().Where(s => s.UserId == userId)
            .OrderByDescending(s => s.LastSeenAtUtc).Take(200).ToListAsync(cancellationToken);
        var live = rows.Where(s => IsLive(s, now)).ToList();
        var ended = rows.Where(s => !IsLive(s, now)).OrderByDescending(s => s.EndedAtUtc ?? s.LastSeenAtUtc)
            .Take(10).ToList();
        return new SessionList(live, ended, now);
    }

    /// <summary>One session of an account, or null when it is not that account's.</summary>
    public async Task<SignInSession?> FindAsync(string userId, string sessionId,
        CancellationToken cancellationToken = default)
    {
        if (sessionId.Length > 64) return null;
        await using var db = database.CreateContext();
        return await db.SignInSessions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
    }

    public bool IsLive(SignInSession session, DateTime now) =>
        session.EndedAtUtc is null && now - session.CreatedAtUtc < Lifetime
        && now - session.LastSeenAtUtc < IdleTimeout;

    /// <summary>How the audit log and the pages name a session, without its id.</summary>
    public static string Describe(SignInSession session) =>
        $"{ChinaTime.Format(session.CreatedAtUtc)} 登录，地址 {Or(session.ClientAddress)}，浏览器 {Or(session.UserAgent)}";

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string Or(string text) => text.Length == 0 ? "未知" : text;

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    // A header is the client's to write: keep visible characters only, so nothing it sends can disturb a page or log.
    private static string Printable(string text) =>
        new(text.Where(c => !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\u202a' or '\u202b' or '\u202c'
            or '\u202d' or '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069')).ToArray());
}

/// <summary>An account's sessions as its page shows them, with the moment they were read.</summary>
public sealed record SessionList(IReadOnlyList<SignInSession> Live, IReadOnlyList<SignInSession> Ended, DateTime Now);
