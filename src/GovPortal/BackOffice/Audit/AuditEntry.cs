namespace GovPortal.BackOffice.Audit;

/// <summary>
/// One line of the audit log. Rows are only ever inserted: the database context refuses updates and deletes, and
/// database triggers refuse them from any other client too.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>
    /// The account name of who did it; empty for the system (scheduled publishing) or an unknown name.
    /// </summary>
    public string Actor { get; set; } = "";

    public string IpAddress { get; set; } = "";

    /// <summary>A stable code such as sign-in.failed or article.publish; see <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. "article 17" or "account lihua".</summary>
    public string Target { get; set; } = "";

    /// <summary>A sentence in Chinese for the reader of the log, including any reason or comment.</summary>
    public string Details { get; set; } = "";
}
