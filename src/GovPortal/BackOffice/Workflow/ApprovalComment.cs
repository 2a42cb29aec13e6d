namespace GovPortal.BackOffice.Workflow;

/// <summary>
/// A reviewer's optional comment on approving one level (<see cref="Revision.ApprovalComments"/>), kept with the
/// revision so that the history shows what was said on the way to publication, not only the audit log.
/// </summary>
public sealed record ApprovalComment(int Level, string UserName, string Comment)
{
    public const int MaximumLength = 2000;

    /// <summary>The stored line: tabs and line breaks inside the comment become spaces, so a line stays one entry.
    /// </summary>
    public string ToLine() => $"{Level}\t{UserName}\t{Flatten(Comment)}";

    public static string Flatten(string comment) =>
        string.Join(' ', comment.Split(['\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    public static IReadOnlyList<ApprovalComment> Of(Revision revision) =>
        revision.ApprovalComments.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 3))
            .Where(parts => parts.Length == 3 && int.TryParse(parts[0], out _))
            .Select(parts => new ApprovalComment(int.Parse(parts[0]), parts[1], parts[2]))
            .ToList();

    /// <summary><paramref name="revision"/>'s comments with this one added.</summary>
    public static string Append(Revision revision, ApprovalComment comment) =>
        revision.ApprovalComments.Length == 0 ? comment.ToLine() : revision.ApprovalComments + "\n" + comment.ToLine();
}
