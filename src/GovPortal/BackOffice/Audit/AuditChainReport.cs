namespace GovPortal.BackOffice.Audit;

/// <summary>One break of the chain: the entry where it shows, and what is wrong, in Chinese.</summary>
public sealed record AuditChainBreak(long? Sequence, long? EntryId, string Problem)
{
    public string Describe() => (Sequence, EntryId) switch
    {
        ({ } sequence, { } id) => $"第 {sequence} 条（编号 {id}）：",
        ({ } sequence, null) => $"第 {sequence} 条：",
        (null, { } id) => $"编号 {id} 的记录：",
        _ => "",
    } + Problem;
}

/// <summary>What a walk of the audit chain found.</summary>
public sealed record AuditChainReport(
    DateTime CheckedAtUtc,
    long Verified,
    long? FirstSequence,
    long? LastSequence,
    string? LastHash,
    string? LastAlgorithm,
    long Unchained,
    AuditChainAnchor? Anchor,
    IReadOnlyList<AuditChainBreak> Breaks)
{
    public bool Intact => Breaks.Count == 0;

    /// <summary>The first entry that broke the chain; what the health page and the command name first.</summary>
    public AuditChainBreak? FirstBreak => Breaks.Count > 0 ? Breaks[0] : null;

    /// <summary>One sentence for the health page and the first line of verify-audit.</summary>
    public string Summary => FirstBreak is { } first
        ? $"审计日志哈希链已断开，发现 {Breaks.Count} 处问题，第一处在{first.Describe()}"
        : LastSequence is { } last
            ? $"审计日志哈希链完整：已校验到第 {last} 条，共 {Verified} 条记录。"
            : "审计日志哈希链完整：还没有记录。";

    /// <summary>The line the operator records elsewhere, and gives back with --anchor later.</summary>
    public string? AnchorLine => LastSequence is { } sequence && LastHash is { } hash ? $"{sequence}:{hash}" : null;
}
