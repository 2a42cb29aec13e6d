using GovPortal.Content.Consultations;
using GovPortal.Publishing.Output;
using GovPortal.Theme;

namespace GovPortal.Publishing.Rendering;

// 意见征集: the list /hdjl/yjzj/ and a page per consultation, /hdjl/yjzj/{id}.html.
public sealed partial class SiteRenderer
{
    /// <summary>The site's consultations as read for this publish (none unless given).</summary>
    public IReadOnlyList<ConsultationView> Consultations { get; set; } = [];

    /// <summary>The list and every consultation's page.</summary>
    public IEnumerable<PageKey> ConsultationKeys() =>
        [PageKey.ConsultationIndex, .. Consultations.Select(c => PageKey.Consultation(c.Id))];

    private List<LinkItem> ConsultationCrumbs() =>
        [new("首页", "/"), new("意见征集", ConsultationPeriod.IndexUrl)];

    private async Task RenderConsultationAsync(PageKey key, OutputBatch batch)
    {
        var crumbs = ConsultationCrumbs();
        if (key.Kind == PageKind.ConsultationIndex)
        {
            var index = new ConsultationIndexPageModel(Chrome: _chrome, Consultations: Consultations,
                Breadcrumb: crumbs);
            batch.Write(key, ConsultationPeriod.IndexUrl.Trim('/') + "/index.html",
                await _razor.RenderAsync<ConsultationIndexPage, ConsultationIndexPageModel>(index));
            return;
        }
        if (Consultations.FirstOrDefault(c => c.Id == key.Id) is not { } consultation)
        {
            batch.Touch(key); // no longer there: its old file is removed
            return;
        }
        crumbs.Add(new LinkItem(consultation.Title, consultation.Url));
        var model = new ConsultationPageModel(Chrome: _chrome, Consultation: consultation, Breadcrumb: crumbs);
        batch.Write(key, consultation.Url.TrimStart('/'),
            await _razor.RenderAsync<ConsultationPage, ConsultationPageModel>(model));
    }
}
