using GovPortal.Content.Submissions;

namespace GovPortal.Tests.Platform;

public sealed class SubmittedCopyTests
{
    [Fact]
    public void Links_into_the_sending_site_become_absolute_and_its_files_stay_for_the_receiving_site_to_publish()
    {
        const string body = "<p><a href=\"/zwdt/202311/t1.html\">上一篇</a><img src=\"/files/" +
            "0123456789abcdef0123456789abcdef.jpg\" alt=\"现场\"><a href=\"https://www.gov.cn/\">国务院</a>" +
            "<a href=\"//cdn.example/x\">x</a><a href=\"../tzgg/t2.html\">通知</a><a href=\"t3.html\">下一篇</a>" +
            "<a href=\"#top\">顶部</a><a href=\"mailto:hd@szxc.gov.cn\">来信</a></p>";

        var copy = SubmittedCopy.WithLinksTo(body, "https://hd.szxc.gov.cn/zwdt/202311/t1.html");

        Assert.Contains("href=\"https://hd.szxc.gov.cn/zwdt/202311/t1.html\"", copy);
        Assert.Contains("src=\"/files/0123456789abcdef0123456789abcdef.jpg\"", copy);
        Assert.Contains("href=\"https://www.gov.cn/\"", copy);
        Assert.Contains("href=\"//cdn.example/x\"", copy);
        Assert.Contains("href=\"https://hd.szxc.gov.cn/zwdt/tzgg/t2.html\"", copy);
        Assert.Contains("href=\"https://hd.szxc.gov.cn/zwdt/202311/t3.html\"", copy);
        Assert.Contains("href=\"#top\"", copy);
        Assert.Contains("href=\"mailto:hd@szxc.gov.cn\"", copy);
    }
}
