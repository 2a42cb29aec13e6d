using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Disclosure;

/// <summary>A 政策解读 before it is stored: the policy it interprets must be a 信息公开 document of the site.</summary>
public sealed class InterpretationPreparation : IContentPreparation
{
    public string KindKey => InterpretationKind.Key;

    public async Task<(IReadOnlyDictionary<string, string> Values, string? Problem)> PrepareAsync(
        GovPortalDbContext db, int siteId, int articleId, IArticleContent? current, ArticleForm form,
        CancellationToken cancellationToken)
    {
        var policyId = DisclosureChoices.Id(form.Value(InterpretationKind.Policy).Trim());
        var exists = policyId is not null && await db.Articles.AnyAsync(
            a => a.Id == policyId && a.SiteId == siteId && a.Kind == DocumentKind.Key, cancellationToken);
        return (form.Values, exists ? null : "所选的政策文件不存在，请重新选择解读的政策文件。");
    }
}
