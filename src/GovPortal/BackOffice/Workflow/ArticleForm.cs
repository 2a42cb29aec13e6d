using GovPortal.Content.Kinds;

namespace GovPortal.BackOffice.Workflow;

/// <summary>
/// What the content form sends: the channel, and one value per field of the content's kind (by field name). Rich
/// text is sanitized before it is stored; nothing here is trusted.
/// </summary>
public sealed record ArticleForm
{
    public int ChannelId { get; init; }

    /// <summary>The kind whose fields <see cref="Values"/> holds.</summary>
    public ContentKind Kind { get; init; } = NewsKind.Kind;

    /// <summary>The typed values by field name; a field the form did not send is empty.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    public string Value(string field) => Values.GetValueOrDefault(field) ?? "";

    public string Title => Value(ContentKind.TitleName);

    /// <summary>
    /// The revision the form was loaded from and its version: a save based on anything older is refused.
    /// </summary>
    public int BaseRevisionId { get; init; }
    public int BaseVersion { get; init; }

    /// <summary>Files of the base revision to drop (by <see cref="RevisionFile.Id"/>).</summary>
    public IReadOnlyList<int> RemoveFileIds { get; init; } = [];

    /// <summary>New files: original name and bytes.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> NewFiles { get; init; } = [];

    /// <returns>A message in Chinese for the first field that is not acceptable, or null.</returns>
    public string? Problem()
    {
        if (Kind.Problem(Values) is { } problem) return problem;
        if (ChannelId <= 0) return "请选择栏目。";
        return null;
    }
}

/// <summary>The outcome of a workflow action: done, or refused with a message for the person who tried.</summary>
public sealed record WorkflowResult(
    bool Succeeded, string Message, int ArticleId = 0, bool Conflict = false, bool Forbidden = false)
    : BackOfficeResult(Succeeded, Message, Conflict, Forbidden)
{
    public static WorkflowResult Done(int articleId, string message) => new(true, message, articleId);
    public static new WorkflowResult Refused(string message) => new(false, message);
    public static new WorkflowResult NotAllowed(string message) => new(false, message, Forbidden: true);
    public static new WorkflowResult Stale(string message) => new(false, message, Conflict: true);
}
