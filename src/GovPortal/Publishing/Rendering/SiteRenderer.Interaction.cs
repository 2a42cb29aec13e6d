using GovPortal.Publishing.Interaction;
using GovPortal.Publishing.Output;
using GovPortal.Theme;

namespace GovPortal.Publishing.Rendering;

// The 互动交流 section's published pages: its home (/hdjl/), the published letters (/hdjl/xjxd/) and the statistics
// (/hdjl/tj/). The letter form and the lookup are answered per request elsewhere.
public sealed partial class SiteRenderer
{
    private const string InteractionHomeUrl = "/" + InteractionSection.SectionPath + "/";
    private const string LettersUrl = "/" + InteractionSection.LettersPath + "/";
    private const string StatisticsUrl = "/" + InteractionSection.StatisticsPath + "/";

    /// <summary>The section's home, every page of the published letters, each letter and the statistics.</summary>
    public IEnumerable<PageKey> InteractionPageKeys()
    {
        yield return PageKey.InteractionHome;
        yield return PageKey.LetterStatistics;
        var pages = SiteLayoutRules.PageCount(_interaction.Letters.Count);
        for (var page = 1; page <= pages; page++) yield return PageKey.PublishedLetterList(page);
        foreach (var letter in _interaction.Letters) yield return PageKey.PublishedLetter(letter.Id);
    }

    private List<LinkItem> InteractionCrumbs(params LinkItem[] more) =>
        [new("首页", "/"), new("互动交流", InteractionHomeUrl), .. more];

    private async Task RenderInteractionAsync(PageKey key, OutputBatch batch)
    {
        switch (key.Kind)
        {
            case PageKind.InteractionHome:
                var home = new InteractionHomePageModel(
                    Chrome: _chrome,
                    Breadcrumb: [new("首页", "/"), new("互动交流", InteractionHomeUrl)],
                    Mailboxes: _interaction.Mailboxes,
                    LookupUrl: InteractionSection.LetterLookupUrl,
                    Letters: _interaction.Home.Letters,
                    LettersUrl: LettersUrl,
                    Statistics: _interaction.Statistics,
                    StatisticsUrl: StatisticsUrl,
                    Consultations: _interaction.Consultations);
                batch.Write(key, InteractionSection.SectionPath + "/index.html",
                    await _razor.RenderAsync<InteractionHomePage, InteractionHomePageModel>(home));
                break;
            case PageKind.PublishedLetterList:
                await RenderLetterListAsync(key, batch);
                break;
            case PageKind.PublishedLetter:
                await RenderLetterAsync(key, batch);
                break;
            default:
                var statistics = _interaction.Statistics;
                var model = new LetterStatisticsPageModel(
                    Chrome: _chrome,
                    Breadcrumb: InteractionCrumbs(new LinkItem("信件统计", StatisticsUrl)),
                    Statistics: statistics,
                    ChartSvg: LetterChart.Svg(statistics),
                    CsvUrl: "/" + InteractionSection.StatisticsCsvPath);
                batch.Write(key, InteractionSection.StatisticsPath + "/index.html",
                    await _razor.RenderAsync<LetterStatisticsPage, LetterStatisticsPageModel>(model));
                batch.Write(key, InteractionSection.StatisticsCsvPath, LetterStatisticsCsv.Write(statistics),
                    $"互动交流信件统计-{statistics.Year}.csv");
                break;
        }
    }

    private async Task RenderLetterListAsync(PageKey key, OutputBatch batch)
    {
        var letters = _interaction.Letters;
        var pageCount = SiteLayoutRules.PageCount(letters.Count);
        if (key.Number > pageCount)
        {
            batch.Touch(key); // nothing to show any more: its old files are removed
            return;
        }
        var model = new PublishedLetterListPageModel(
            Chrome: _chrome,
            Breadcrumb: InteractionCrumbs(new LinkItem("信件选登", LettersUrl)),
            Letters: letters.Skip((key.Number - 1) * SiteLayoutRules.ListPageSize).Take(SiteLayoutRules.ListPageSize)
                .Select(l => l.ListFace).ToList(),
            Total: letters.Count,
            Pagination: new Pagination(Page: key.Number, PageCount: pageCount, FirstPageUrl: LettersUrl,
                PagePattern: LettersUrl + "index_{0}.html"));
        batch.Write(key, InteractionSection.ListPagePath(key.Number),
            await _razor.RenderAsync<PublishedLetterListPage, PublishedLetterListPageModel>(model));
    }

    private async Task RenderLetterAsync(PageKey key, OutputBatch batch)
    {
        if (_interaction.Letters.FirstOrDefault(l => l.Id == key.Id) is not { } letter
            || InteractionSection.PagePathOf(letter.Number) is not { } path)
        {
            batch.Touch(key); // no longer published: its old files are removed
            return;
        }
        var model = new PublishedLetterPageModel(
            Chrome: _chrome,
            Breadcrumb: InteractionCrumbs(new LinkItem("信件选登", LettersUrl), new LinkItem(letter.Subject, letter.Url)),
            Number: letter.Number,
            Kind: letter.Kind,
            Mailbox: letter.Mailbox,
            Subject: letter.Subject,
            TextParagraphs: LetterChecks.Paragraphs(letter.Text),
            Name: letter.Name,
            ReceivedOn: PublishedLetter.Format(letter.ReceivedOn),
            Organisation: letter.Organisation,
            RepliedOn: letter.RepliedOn is { } on ? PublishedLetter.Format(on) : "",
            ReplyParagraphs: LetterChecks.Paragraphs(letter.Reply),
            Path: letter.Url);
        batch.Write(key, path, await _razor.RenderAsync<PublishedLetterPage, PublishedLetterPageModel>(model));
    }
}
