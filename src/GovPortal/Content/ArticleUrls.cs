using System.Globalization;

namespace GovPortal.Content;

/// <summary>
/// The permanent address of an article, fixed at its first publish in the style readers of Chinese government
/// sites know: /xwzx/xcyw/202310/t20231012_17.html.
/// </summary>
public static class ArticleUrls
{
    public static string Create(string channelPath, int articleId, DateTime publishedAtUtc)
    {
        var local = ChinaTime.ToChina(publishedAtUtc);
        return string.Create(CultureInfo.InvariantCulture,
            $"/{channelPath}/{local:yyyyMM}/t{local:yyyyMMdd}_{articleId}.html");
    }
}
