using GovPortal.Data;

namespace GovPortal.BackOffice.Audit;

/// <summary>
/// Writes audit entries. Each entry is its own insert, so an entry is kept even when the action it records failed.
/// </summary>
public sealed class AuditLog(DatabaseOptions database, TimeProvider time)
{
    public async Task WriteAsync(string actor, string? ipAddress, string action, string target, string details,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = Clip(actor, 256),
            IpAddress = Clip(ipAddress ?? "", 64),
            Action = action,
            Target = Clip(target, 300),
            Details = Clip(details, 4000),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task WriteAsync(HttpContext context, string action, string target, string details,
        CancellationToken cancellationToken = default) =>
        WriteAsync(context.User.Identity?.Name ?? "", context.Connection.RemoteIpAddress?.ToString(), action, target,
            details, cancellationToken);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
