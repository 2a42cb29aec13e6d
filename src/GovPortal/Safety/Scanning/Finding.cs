namespace GovPortal.Safety.Scanning;

public enum Severity
{
    /// <summary>Must not be published or served.</summary>
    Block,

    /// <summary>Needs a person to look at it.</summary>
    Warn,
}

/// <summary>
/// One thing a check found: what, how serious, where (1-based line and column) and the text concerned.
/// </summary>
public sealed record Finding(Severity Severity, string Category, string Message, int Line, int Column, string Excerpt)
{
    public string SeverityLabel => Severity == Severity.Block ? "阻止" : "警告";
}
