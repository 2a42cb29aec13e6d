namespace GovPortal.Theme;

/// <summary>
/// Share links are plain links carrying the page's title and address; no third-party script is loaded.
/// </summary>
public static class ShareLinks
{
    public static string Weibo(string url, string title) =>
        $"https://service.weibo.com/share/share.php?url={Uri.EscapeDataString(url)}" +
            $"&title={Uri.EscapeDataString(title)}";

    public static string QZone(string url, string title) =>
        $"https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url={Uri.EscapeDataString(url)}" +
            $"&title={Uri.EscapeDataString(title)}";
}
