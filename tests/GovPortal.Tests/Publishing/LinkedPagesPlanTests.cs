using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Publishing;
using GovPortal.Publishing.Disclosure;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// The publish plan's rule for linked 信息公开 pages: a policy and its interpretations, a repealed document and the
/// one that replaces it are rendered again exactly when what they show of the changed article changes.
/// </summary>
public sealed class LinkedPagesPlanTests
{
    private const int Policy = 10, OtherPolicy = 11, Interpretation = 20, Repealed = 30, Current = 31;

    private static DisclosureFace InterpretationFace(int policy, string title = "一图读懂", InterpretationType type =
        InterpretationType.Graphic) =>
        new(Interpretation, InterpretationKind.Key, title, "/zfxxgk/zcjd/202311/t20231101_20.html", null, null, null,
            policy, type);

    private static DisclosureLinks Links(DisclosureFace? face, params int[] linked) => new(face, linked.ToHashSet());

    private static PublishPlan Plan(int articleId, DisclosureLinks before, DisclosureLinks after)
    {
        var plan = new PublishPlan();
        PublishPlanner.PlanLinkedPages(plan, articleId, before, after);
        return plan;
    }

    [Fact]
    public void Publishing_an_interpretation_renders_its_policy()
    {
        var plan = Plan(Interpretation, Links(null, Policy), Links(InterpretationFace(Policy), Policy));
        Assert.Equal([PageKey.Article(Policy)], plan.Render);
        Assert.Empty(plan.Remove);
    }

    [Fact]
    public void Editing_an_interpretations_body_renders_no_other_page()
    {
        var face = InterpretationFace(Policy);
        Assert.True(Plan(Interpretation, Links(face, Policy), Links(face with { }, Policy)).IsEmpty);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("type")]
    public void Changing_what_the_policy_shows_of_an_interpretation_renders_the_policy(string change)
    {
        var before = InterpretationFace(Policy);
        var after = change == "title" ? before with { Title = "政策解读（修订）" }
            : before with { InterpretationType = InterpretationType.Video };
        Assert.Equal([PageKey.Article(Policy)],
            Plan(Interpretation, Links(before, Policy), Links(after, Policy)).Render);
    }

    [Fact]
    public void Repointing_an_interpretation_renders_the_old_and_the_new_policy()
    {
        var plan = Plan(Interpretation, Links(InterpretationFace(Policy), Policy),
            Links(InterpretationFace(OtherPolicy), OtherPolicy));
        Assert.Equal(new[] { PageKey.Article(Policy), PageKey.Article(OtherPolicy) }.ToHashSet(), plan.Render);
    }

    [Fact]
    public void Withdrawing_an_interpretation_renders_its_policy()
    {
        var plan = Plan(Interpretation, Links(InterpretationFace(Policy), Policy), Links(null, Policy));
        Assert.Equal([PageKey.Article(Policy)], plan.Render);
    }

    [Fact]
    public void Repealing_a_document_renders_its_replacement_and_the_change_is_rendered_back()
    {
        var before = new DisclosureFace(Repealed, DocumentKind.Key, "旧办法", "/a/30.html", DocumentValidity.Effective,
            null, null, null, null);
        var after = before with
        {
            Validity = DocumentValidity.Repealed, ValidityChangedOn = new DateOnly(2024, 3, 1), ReplacedById = Current,
        };
        Assert.Equal([PageKey.Article(Current)], Plan(Repealed, Links(before), Links(after, Current)).Render);

        // The replacement renamed: the repealed document (which names it 现行文件) is rendered again.
        var current = new DisclosureFace(Current, DocumentKind.Key, "新办法", "/a/31.html", DocumentValidity.Effective,
            null, null, null, null);
        var renamed = current with { Title = "新办法（修订）" };
        Assert.Equal([PageKey.Article(Repealed)], Plan(Current, Links(current, Repealed), Links(renamed, Repealed))
            .Render);
    }

    [Fact]
    public void A_news_article_has_no_linked_pages()
    {
        Assert.True(Plan(1, DisclosureLinks.None, DisclosureLinks.None).IsEmpty);
    }
}
