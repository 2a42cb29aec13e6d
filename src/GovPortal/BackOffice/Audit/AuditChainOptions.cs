namespace GovPortal.BackOffice.Audit;

/// <summary>
/// The hash algorithm new audit entries are chained with: SM3 unless the site chose SHA-256 (--audit-hash). Each
/// entry records its own algorithm, so changing this later keeps the older entries verifiable.
/// </summary>
public sealed record AuditChainOptions(string Algorithm = AuditChainHash.Sm3);
