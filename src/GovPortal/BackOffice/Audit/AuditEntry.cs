namespace GovPortal.BackOffice.Audit;

/// <summary>
/// One line of the audit log. Rows are only ever inserted: the database context refuses updates and deletes, and
/// database triggers refuse them from any other client too. Each entry written by <see cref="AuditLog"/> is a link
/// of a hash chain (<see cref="AuditChainHash"/>): a changed, deleted, inserted or reordered row breaks it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>
    /// The account name of who did it; empty for the system (scheduled publishing) or an unknown name.
    /// </summary>
    public string Actor { get; set; } = "";

    /// <summary>
    /// The site the action was done in (<see cref="Data.SiteScope"/>; outside any site, the acting account's), whose
    /// 审计管理员 reads it; null for what was done by no account outside any site (before the platform had several, a
    /// failed sign-in by an unknown name, a tamper alert), which the first site's reads. Not part of the hash chain,
    /// which was made before it.
    /// </summary>
    public int? SiteId { get; set; }

    public string IpAddress { get; set; } = "";

    /// <summary>A stable code such as sign-in.failed or article.publish; see <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. "article 17" or "account lihua".</summary>
    public string Target { get; set; } = "";

    /// <summary>A sentence in Chinese for the reader of the log, including any reason or comment.</summary>
    public string Details { get; set; } = "";

    /// <summary>
    /// The place in the hash chain, 1 for the first entry ever chained, without gaps. Null for the entries written
    /// before the chain existed (an install that was upgraded): the chain starts after them.
    /// </summary>
    public long? Sequence { get; set; }

    /// <summary>The hash algorithm of this entry's links, <see cref="AuditChainHash.Sm3"/> or SHA-256.</summary>
    public string? Algorithm { get; set; }

    /// <summary>The hash of the entry before this one (hexadecimal), or of the chain's start.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>The hash over this entry's fields and <see cref="PreviousHash"/> (hexadecimal).</summary>
    public string? Hash { get; set; }
}
