namespace GovPortal.BackOffice.Workflow;

/// <summary>What the article form sends. The body is sanitized before it is stored; nothing here is trusted.</summary>
public sealed record ArticleForm
{
    public int ChannelId { get; init; }
    public string Title { get; init; } = "";
    public string Subtitle { get; init; } = "";
    public string Source { get; init; } = "";
    public string Author { get; init; } = "";
    public string Summary { get; init; } = "";
    public string BodyHtml { get; init; } = "";

    /// <summary>The revision the form was loaded from and its version: a save based on anything older is refused.</summary>
    public int BaseRevisionId { get; init; }
    public int BaseVersion { get; init; }

    /// <summary>Files of the base revision to drop (by <see cref="RevisionFile.Id"/>).</summary>
    public IReadOnlyList<int> RemoveFileIds { get; init; } = [];

    /// <summary>New files: original name and bytes.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> NewFiles { get; init; } = [];

    /// <returns>A message in Chinese for the first field that is not acceptable, or null.</returns>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Title)) return "请填写标题。";
        if (Title.Length > 300) return "标题不能超过 300 个字。";
        if (Subtitle.Length > 300) return "副标题不能超过 300 个字。";
        if (Source.Length > 100) return "来源不能超过 100 个字。";
        if (Author.Length > 100) return "作者不能超过 100 个字。";
        if (Summary.Length > 2000) return "摘要不能超过 2000 个字。";
        if (BodyHtml.Length > 2_000_000) return "正文过长（超过 200 万个字符），请拆分为多篇文章或以附件形式上传。";
        if (ChannelId <= 0) return "请选择栏目。";
        return null;
    }
}

/// <summary>The outcome of a workflow action: done, or refused with a message for the person who tried.</summary>
public sealed record WorkflowResult(bool Succeeded, string Message, int ArticleId = 0, bool Conflict = false, bool Forbidden = false)
{
    public static WorkflowResult Done(int articleId, string message) => new(true, message, articleId);
    public static WorkflowResult Refused(string message) => new(false, message);
    public static WorkflowResult NotAllowed(string message) => new(false, message, Forbidden: true);
    public static WorkflowResult Stale(string message) => new(false, message, Conflict: true);
}
