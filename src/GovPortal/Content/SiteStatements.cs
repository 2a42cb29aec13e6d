using System.Net;

namespace GovPortal.Content;

/// <summary>One of the statements every government site publishes and links from its footer.</summary>
/// <param name="Path">Its address in the site's output, e.g. "privacy.html".</param>
public sealed record SiteStatementKind(string Key, string Title, string Path);

/// <summary>
/// The statements a government site publishes (the 政府网站发展指引 asks for 隐私声明 and 联系我们; the accessibility rules
/// for an 无障碍声明), each with a default wording made from the site's facts, so a new site publishes sound ones
/// before its staff write their own.
/// </summary>
public static class SiteStatements
{
    public static readonly SiteStatementKind Privacy = new("privacy", "隐私声明", "privacy.html");
    public static readonly SiteStatementKind Copyright = new("copyright", "版权声明", "copyright.html");
    public static readonly SiteStatementKind Accessibility = new("accessibility", "无障碍声明", "accessibility.html");
    public static readonly SiteStatementKind Contact = new("contact", "联系我们", "contact.html");

    public static readonly IReadOnlyList<SiteStatementKind> All = [Privacy, Copyright, Accessibility, Contact];

    /// <summary>The longest a statement may be: long enough for any real one, short enough to read.</summary>
    public const int MaxLength = 100_000;

    public static SiteStatementKind? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    /// <summary>The wording published until the site's administrator saves one of its own.</summary>
    public static string DefaultBody(SiteStatementKind kind, Site site)
    {
        string E(string text) => WebUtility.HtmlEncode(text);
        var name = E(site.Name);
        var sponsor = E(site.Sponsor.Length > 0 ? site.Sponsor : site.Name);
        var contact = ContactLines(site);
        return kind.Key switch
        {
            "privacy" =>
                $"<p>{name}（以下简称本网站）尊重并保护访问者的个人信息。</p>"
                + "<h2>我们收集的信息</h2><p>浏览本网站无需注册，也不收集可以识别您身份的信息。网站只记录不含个人身份的访问统计。"
                + "您在写信、依申请公开或意见征集中主动提交的姓名、联系方式等信息，仅用于办理您的事项，按照有关规定加密保存，"
                + "公开答复时隐去个人信息。</p>"
                + "<h2>信息的使用和保护</h2><p>除法律法规规定的情形外，本网站不向任何第三方提供您的个人信息。</p>"
                + $"<h2>联系我们</h2><p>对本声明有疑问，请联系{sponsor}。</p>{contact}",
            "copyright" =>
                $"<p>本网站由{sponsor}主办，网站内容的版权归{sponsor}所有，另有注明的除外。</p>"
                + "<p>政府信息依法公开，欢迎转载，转载时请注明来源“" + name + "”并保留原文链接，不得歪曲、篡改原文。"
                + "本网站注明转载自其他来源的内容，版权归原作者所有。</p>",
            "accessibility" =>
                $"<p>{name}按照国家标准《信息技术 互联网内容无障碍可访问性技术要求与测试方法》（GB/T 37668）和"
                + "《Web 内容无障碍指南》（WCAG 2.1）AA 级建设，并提供适老版和繁体版。</p>"
                + "<h2>我们做了什么</h2><ul><li>全部页面可以只用键盘操作，图片都有替代文字。</li>"
                + "<li>页面顶部的无障碍工具条提供放大、行距、配色、大鼠标、指读和朗读。</li>"
                + "<li>适老版使用大字号、大按钮，不播放动画。</li></ul>"
                + $"<h2>反馈</h2><p>如果您在使用中遇到障碍，请告诉我们，我们会尽快改进。</p>{contact}",
            _ => $"<p>{sponsor}</p>{contact}",
        };
    }

    private static string ContactLines(Site site)
    {
        var lines = new List<string>();
        if (site.ContactPhone.Length > 0) lines.Add("联系电话：" + WebUtility.HtmlEncode(site.ContactPhone));
        if (site.ContactAddress.Length > 0) lines.Add("地址：" + WebUtility.HtmlEncode(site.ContactAddress));
        if (site.ContactEmail.Length > 0) lines.Add("电子邮箱：" + WebUtility.HtmlEncode(site.ContactEmail));
        return lines.Count == 0 ? "" : "<ul>" + string.Concat(lines.Select(l => $"<li>{l}</li>")) + "</ul>";
    }
}
