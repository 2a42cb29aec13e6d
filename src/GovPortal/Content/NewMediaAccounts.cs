using System.Globalization;

namespace GovPortal.Content;

/// <summary>
/// One of the site's 政务新媒体 accounts as the footer lists it: 平台, 名称 and, where it has one, its address.
/// </summary>
public sealed record NewMediaAccount(string Platform, string Name, string Url);

/// <summary>
/// 政务新媒体: the site's accounts on 微信公众号, 微博, 抖音 and the like, kept as lines of "平台｜名称｜网址" (the address
/// may be left out) on the 网站信息 form and listed in every footer.
/// </summary>
public static class NewMediaAccounts
{
    public const int MaxLength = 2000;
    public const int MaxAccounts = 20;
    private const int MaxPartLength = 50;

    /// <summary>
    /// The accounts of the saved text; a line that does not parse is left out (the form never saves one).
    /// </summary>
    public static IReadOnlyList<NewMediaAccount> Parse(string text) => Read(text).Accounts;

    /// <returns>What is wrong with the text in Chinese, naming the line, or null.</returns>
    public static string? Problem(string text) => Read(text).Problem;

    /// <summary>The text as stored: one account per line, separated by "｜", blank lines gone.</summary>
    public static string Normal(string text) => string.Join('\n', Read(text).Accounts
        .Select(a => string.Join('｜', new[] { a.Platform, a.Name, a.Url }.Where(p => p.Length > 0))));

    private static (List<NewMediaAccount> Accounts, string? Problem) Read(string text)
    {
        var accounts = new List<NewMediaAccount>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var parts = line.Split(['｜', '|']).Select(p => p.Trim()).ToArray();
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0)
                return (accounts, $"政务新媒体第 {number} 行应为“平台｜名称｜网址”，例如 微信公众号｜相城发布｜https://… ，网址可以不填。");
            if (parts.Take(2).Any(p => p.Length > MaxPartLength))
                return (accounts, $"政务新媒体第 {number} 行的平台或名称超过了 {MaxPartLength} 个字。");
            var url = parts.Length == 3 ? parts[2] : "";
            if (url.Length > 0 && ExternalLinks.Problem(url) is not null)
                return (accounts, $"政务新媒体第 {number} 行的网址须是以 http:// 或 https:// 开头的完整网址。");
            accounts.Add(new NewMediaAccount(parts[0], parts[1], url));
        }
        return accounts.Count > MaxAccounts
            ? (accounts, $"政务新媒体最多填写 {MaxAccounts} 个账号。")
            : (accounts, null);
    }
}
