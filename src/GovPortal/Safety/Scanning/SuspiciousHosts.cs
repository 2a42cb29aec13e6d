using System.Text.RegularExpressions;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// What a host name says about where a link goes: official sites that government news links to (gov.cn, the 12377
/// and 12321 reporting centres, the central news sites), and casino and pornography hosts, which spell what they are
/// in their names (bet365, amjs88, xpj, av9, caoliu) or top-level domains (.bet, .casino, .xxx).
/// </summary>
public static partial class SuspiciousHosts
{
    private static readonly string[] Official =
    [
        "gov.cn", "edu.cn", "12377.cn", "12321.cn", "cyberpolice.cn", "12315.cn", "12306.cn", "12309.gov.cn",
        "people.com.cn", "xinhuanet.com", "news.cn", "cctv.com", "cctv.cn", "chinadaily.com.cn", "chinanews.com.cn",
        "chinacourt.org", "cnr.cn", "gmw.cn", "qstheory.cn", "chinapeace.org.cn", "china.com.cn",
    ];

    [GeneratedRegex(@"casino|baccarat|poker|bocai|duchang|baijiale|liuhecai|shishicai|pujing|weinisi|huangguan" +
        @"|qipai|caipiao|yulecheng|zhenren|sbobet|betway|(?<![a-z])(bet|bbin|xpj|amjs|amyh|vns|hg|lhc|ssc|ag|pk10)" +
        @"(?=\d|-|\.|$)|\d(bet|xpj|amjs|vns)|(\.|^)(bet|casino|poker|bingo|lotto)$")]
    private static partial Regex GamblingHost();

    [GeneratedRegex(@"porn|caoliu|luanlun|seqing|chengren|yase|qvod|hentai|(?<![a-z])(sex|xxx|jav|av|avhd)" +
        @"(?=\d|-|\.|$)|\d(av|sex|xxx)|(\.|^)(xxx|sex|porn|adult)$")]
    private static partial Regex PornHost();

    /// <summary>A host of an official or central news site: links there are never spam.</summary>
    public static bool IsOfficial(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return Official.Any(o => name == o || name.EndsWith("." + o, StringComparison.Ordinal));
    }

    /// <summary>"赌博" or "色情" when the host's name says it is a casino or pornography site, otherwise null.</summary>
    public static string? CategoryOf(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name.Length > 253 || IsOfficial(name)) return null;
        if (GamblingHost().IsMatch(name)) return "赌博";
        if (PornHost().IsMatch(name)) return "色情";
        return null;
    }
}
