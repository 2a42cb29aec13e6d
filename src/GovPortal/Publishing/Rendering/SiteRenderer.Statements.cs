using GovPortal.Content;
using GovPortal.Publishing.Output;
using GovPortal.Theme;

namespace GovPortal.Publishing.Rendering;

// The site's statements (隐私声明, 版权声明, 无障碍声明, 联系我们): the wording its administrator saved, or the default.
public sealed partial class SiteRenderer
{
    /// <summary>The saved wordings by key; a statement missing here is published with its default.</summary>
    public IReadOnlyDictionary<string, SiteStatement> Statements { get; set; } =
        new Dictionary<string, SiteStatement>();

    private static IEnumerable<PageKey> StatementKeys() => SiteStatements.All.Select(PageKey.Statement);

    private async Task RenderStatementAsync(PageKey key, OutputBatch batch)
    {
        var kind = SiteStatements.All[key.Id];
        var saved = Statements.GetValueOrDefault(kind.Key);
        var model = new StatementPageModel(_chrome, kind.Title, "/" + kind.Path,
            saved?.BodyHtml ?? SiteStatements.DefaultBody(kind, _site), saved?.UpdatedAtUtc);
        batch.Write(key, kind.Path, await _razor.RenderAsync<StatementPage, StatementPageModel>(model));
    }
}
