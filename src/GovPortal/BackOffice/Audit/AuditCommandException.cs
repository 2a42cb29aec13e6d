namespace GovPortal.BackOffice.Audit;

/// <summary>An audit command refused or could not finish; the message tells the operator why, in Chinese.</summary>
public sealed class AuditCommandException(string message) : Exception(message);
