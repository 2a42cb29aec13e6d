// A deliberately wrong reference, for the architecture test to find: a public-site type that uses the back office.
// The allowed references beside it (public site → theme, back office → theme) must not be reported.
namespace ArchitectureSample.Theme
{
    public sealed class PageTitle
    {
        public static string Of(string title) => title + " - 示例";
    }
}

namespace ArchitectureSample.BackOffice
{
    public sealed class ArticleEditor
    {
        public static string Withdraw(int articleId) => ArchitectureSample.Theme.PageTitle.Of($"撤稿 {articleId}");
    }
}

namespace ArchitectureSample.PublicSite.Bad
{
    public sealed class WithdrawnNotice
    {
        public static string For(int articleId) =>
            ArchitectureSample.Theme.PageTitle.Of("已撤稿")
            + ArchitectureSample.BackOffice.ArticleEditor.Withdraw(articleId);
    }
}
