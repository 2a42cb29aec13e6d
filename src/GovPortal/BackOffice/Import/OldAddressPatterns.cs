using System.Text.RegularExpressions;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// The article addresses of the content systems Chinese government sites commonly ran: only an old page at one of
/// these gets a redirect (an index or list page's address means something else on the new site).
/// </summary>
public static partial class OldAddressPatterns
{
    // TRS WCM: /xwzx/xcyw/202310/t20231012_123456.html
    [GeneratedRegex(@"(^|/)\d{6}/t\d{8}_\d+\.s?html?$")]
    private static partial Regex Trs();

    // Hanweb (大汉): /art/2023/10/12/art_123_456.html
    [GeneratedRegex(@"(^|/)art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html?$")]
    private static partial Regex Hanweb();

    // …/content_7890.html, the pattern of several systems (gov.cn's own among them).
    [GeneratedRegex(@"(^|/)content_\d+\.s?html?$")]
    private static partial Regex ContentId();

    // 博达 (VSB): info/1234/5678.htm
    [GeneratedRegex(@"(^|/)info/\d+/\d+\.html?$")]
    private static partial Regex Boda();

    public static bool IsArticleAddress(string oldPath) =>
        Trs().IsMatch(oldPath) || Hanweb().IsMatch(oldPath) || ContentId().IsMatch(oldPath) || Boda().IsMatch(oldPath);
}
