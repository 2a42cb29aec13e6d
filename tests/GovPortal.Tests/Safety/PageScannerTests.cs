using GovPortal.Chinese;
using GovPortal.Data.Demo;
using GovPortal.Safety.Scanning;

namespace GovPortal.Tests.Safety;

/// <summary>Content checks: what must be found, and what must not (ordinary government prose raises nothing).</summary>
public sealed class PageScannerTests
{
    private static readonly ChineseConverter Converter = new(ChineseConverter.DefaultDictionaryDirectory);
    private static readonly PageScanner Scanner = new(Converter);
    private static readonly IReadOnlySet<string> SiteHosts = new HashSet<string> { "szxc.gov.cn" };

    private static IReadOnlyList<Finding> ScanText(string text) => Scanner.Scan(text, isHtml: false, SiteHosts);
    private static IReadOnlyList<Finding> ScanHtml(string html) => Scanner.Scan(html, isHtml: true, SiteHosts);

    [Fact]
    public void The_seed_capture_is_caught_on_its_last_line_only()
    {
        var capture = SeedArticleReader.ReadEmbeddedCapture();
        var lastLine = capture.TrimEnd().Split('\n').Length;
        var findings = ScanText(capture);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(Severity.Block, f.Severity));
        Assert.All(findings, f => Assert.Equal(lastLine, f.Line));
        Assert.Contains(findings, f => f.Category == "色情信息");
    }

    [Fact]
    public void The_seed_articles_own_body_raises_nothing()
    {
        var seed = SeedArticleReader.Read(SeedArticleReader.ReadEmbeddedCapture(), Converter);
        var body = string.Join("\n", seed.Paragraphs) + "\n" + seed.Title;
        Assert.Empty(ScanText(body));
        Assert.Empty(ScanText(Converter.ToTraditional(body))); // nor in Traditional
    }

    [Theory]
    [InlineData("一 区 二 区 三 区 视 频 在 线 观 看")]                // spaced out
    [InlineData("一，区。二、区·三区视频在线观看")]                    // punctuation between
    [InlineData("一\u200B区\u200C二\u200D区三区在线观看")]              // zero-width characters
    [InlineData("国产不卡ＡＶ在线")]                                  // full-width letters
    [InlineData("一區二區三區視頻在綫觀看")]                          // Traditional forms
    [InlineData("久久綜合免費人倫觀看")]
    [InlineData("澳門賭場百家樂，注冊送彩金")]                          // gambling, Traditional
    [InlineData("真人娱乐城 开户 注册送 彩金 返水")]                    // a run of weak gambling words
    public void The_same_attack_dressed_differently_is_caught(string spam)
    {
        var findings = ScanText("相城区召开生态环境保护大会。\n" + spam + "\n");
        Assert.Contains(findings, f => f.Severity == Severity.Block && f.Line == 2);
    }

    [Theory]
    [InlineData("会议以视频会议形式召开，各镇设分会场。")]
    [InlineData("市民可在线观看会议直播，免费领取宣传资料。")]
    [InlineData("区民政局开展福利彩票公益金项目检查。")]
    [InlineData("为女人和儿童提供免费体检，高清影像设备投入使用。")]
    [InlineData("银行开户须本人持身份证办理。")]
    public void Ordinary_government_prose_raises_nothing(string prose) => Assert.Empty(ScanText(prose));

    [Theory]
    [InlineData("区公安分局破获一起开设赌场案，该团伙以“百家乐”“时时彩”等形式组织网络赌博。")]
    [InlineData("警方提醒：网络赌博常以“注册送彩金”“充值返水”为诱饵，请勿参与。")]
    [InlineData("现场展出了冰毒、海洛因、摇头丸、K粉等仿真毒品模型。")]
    [InlineData("严厉打击以下违法犯罪活动：\n组织百家乐、六合彩、时时彩等赌博；")]
    [InlineData("远 离 赌 博　幸 福 生 活")]
    [InlineData("园区划分为一区、二区、三区三个网格，视频监控实现全覆盖。")]
    [InlineData("都昌县人民政府网站：www.duchang.gov.cn")]
    public void Enforcement_news_naming_spam_words_is_not_blocked(string prose) =>
        Assert.DoesNotContain(ScanText(prose), f => f.Severity == Severity.Block);

    [Theory]
    [InlineData("澳门金沙 真人百家乐 注册送彩金 官网开户")]                 // a cluster, no enforcement in sight
    [InlineData("正规平台绝不违法，澳门金沙真人百家乐，注册就送")]          // 不违法 is no enforcement word
    [InlineData("警惕！澳门赌场 百家乐 www.amjs888.com")]                   // a casino's address
    [InlineData("aomen duchang baijiale zaixian touzhu")]                    // pinyin
    [InlineData("bǎi jiā lè · liù hé cǎi")]                                  // pinyin with tones
    [InlineData("саsinо 真人娱乐")]                                          // Cyrillic lookalikes
    [InlineData("𝐀𝐕在线")]                                                  // mathematical letters
    [InlineData("祼聊 约炮 同城交友")]                                       // 祼 for 裸
    [InlineData("澳🎰门🎲赌场💰百家乐")]                                     // emoji between the characters
    public void Spam_patterns_are_blocked(string spam) =>
        Assert.Contains(ScanText("全区安全生产工作会议召开。\n" + spam),
            f => f.Severity == Severity.Block && f.Line == 2);

    [Theory]
    [InlineData("<p>&#28595;&#38376;&#36172;&#22330; &#30334;&#23478;&#20048; &#27880;&#20876;&#36865;&#24425;</p>")]
    [InlineData("<p>澳<span></span>门<b></b>赌<i></i>场 百<em></em>家乐 注册<span>送</span>彩金</p>")]
    [InlineData("<meta name=\"keywords\" content=\"澳门赌场,百家乐,真人娱乐,注册送彩金\">")]
    [InlineData("<p><a href=\"https://www.bet365-cn.com/\">点击这里</a></p>")]
    [InlineData("<p><a href=\"/go.php?url=http%3A%2F%2Fwww.amjs88.com%2F\">点击查看</a></p>")]
    [InlineData("<p><a href=\"http://www.abc123.com/\">澳门赌场</a></p>")]
    [InlineData("<div style=\"background:#fff\"><span style=\"color:#FFFFFF\">真人娱乐</span></div>")]
    [InlineData("<style>.a,.xs{font-size:1px}</style><div class=\"xs\"><a href=\"http://h.example/\">h</a></div>")]
    [InlineData("<script>document.write(atob('PGEgaHJlZj0iaHR0cDovL3d3dy5hbWpzODguY29tIj7mvrPpl6jotYzlnLo8L2E+'))"
        + "</script>")]
    [InlineData("<base href=\"http://www.amyh99.com/\">")]
    public void Spam_hidden_in_markup_is_blocked(string markup) =>
        Assert.Contains(
            ScanHtml($"<!DOCTYPE html><html><head><title>t</title></head><body><p>正文</p>{markup}</body></html>"),
            f => f.Severity == Severity.Block);

    [Theory]
    [InlineData("<div style=\"display:none\"><a href=\"https://spam.example/\">澳门赌场</a></div>")]
    [InlineData("<div style=\"DISPLAY: NONE !important\">在线观看</div>")]
    [InlineData("<p style=\"visibility:hidden\"><a href=\"/x\">x</a></p>")]
    [InlineData("<span style=\"font-size:0px\">隐藏文字</span>")]
    [InlineData("<div style=\"position:absolute;left:-9999px\"><a href=\"https://a.example\">a</a></div>")]
    [InlineData("<div style=\"text-indent:-10000px\">隐藏</div>")]
    [InlineData("<div style=\"width:0;height:0;overflow:hidden\"><a href=\"https://a.example\">a</a></div>")]
    [InlineData("<p style=\"color:#fff;background-color:#fff\">白底白字</p>")]
    [InlineData("<div hidden><a href=\"https://a.example\">a</a></div>")]
    [InlineData("<style>.hide{display:none}</style><div class=\"hide\"><a href=\"https://a.example\">a</a></div>")]
    [InlineData("<style>#x { visibility : hidden }</style><div id=\"x\">隐藏文字</div>")]
    public void Hidden_links_and_text_are_blocked(string body)
    {
        var findings =
            ScanHtml($"<!DOCTYPE html><html><head><title>t</title></head><body><p>正文</p>{body}</body></html>");
        Assert.Contains(findings, f => f.Severity == Severity.Block && f.Category == "隐藏内容（暗链）");
    }

    [Theory]
    [InlineData("<script src=\"https://evil.example/x.js\"></script>", "外部脚本")]
    [InlineData("<script src=\"//evil.example/x.js\"></script>", "外部脚本")]
    [InlineData("<script>window.location.href = \"https://evil.example/\";</script>", "脚本跳转")]
    [InlineData("<script>location.replace('http://evil.example')</script>", "脚本跳转")]
    [InlineData("<iframe src=\"https://evil.example/\" width=\"0\" height=\"0\"></iframe>", "外部框架")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\">", "自动跳转")]
    public void Foreign_scripts_frames_and_redirects_are_blocked(string markup, string category)
    {
        var findings =
            ScanHtml($"<!DOCTYPE html><html><head><title>t</title>{markup}</head><body><p>正文</p></body></html>");
        var finding = Assert.Single(findings, f => f.Category == category);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.True(finding.Line >= 1);
    }

    [Fact]
    public void Own_scripts_and_links_pass_and_foreign_links_are_warnings()
    {
        // Two lines: the head with the site's own scripts, then the body with one foreign link.
        var findings = ScanHtml(
            """<!DOCTYPE html><html><head><title>t</title><script src="/assets/site.js"></script>"""
            + """<script src="https://www.szxc.gov.cn/a.js"></script></head>""" + "\n"
            + """<body><p class="visually-hidden">跳到主要内容</p><a href="/xwzx/">新闻中心</a>"""
            + """<a href="https://service.weibo.com/share">微博</a></body></html>""");
        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Warn, finding.Severity);
        Assert.Equal("外部链接", finding.Category);
        Assert.Equal(2, finding.Line);
    }

    [Theory]
    [InlineData("区委书记沈志东出席会议并讲话。", "沈志东")]
    [InlineData("区长张玮主持会议。", "张玮")]
    [InlineData("区 委 书 记 沈至栋出席会议。", "沈至栋")]
    public void A_near_miss_of_an_officials_name_is_a_serious_error(string text, string wrong)
    {
        var finding = Assert.Single(ScanText(text));
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal("严重表述错误", finding.Category);
        Assert.Contains(wrong, finding.Message);
    }

    [Theory]
    [InlineData("区委书记沈志栋出席会议并讲话，区长张伟主持会议。")]
    [InlineData("区长张伟主持会议。")]
    public void Correct_names_raise_nothing(string text) => Assert.Empty(ScanText(text));

    [Theory]
    [InlineData("工作要再接再励。", "再接再厉")]
    [InlineData("请按装最新版本。", "安装")]
    public void Common_mistaken_forms_are_warnings_with_the_correction(string text, string correction)
    {
        var finding = Assert.Single(ScanText(text));
        Assert.Equal(Severity.Warn, finding.Severity);
        Assert.Equal("错别字", finding.Category);
        Assert.Contains(correction, finding.Message);
    }

    [Theory]
    [InlineData("这个他妈的问题", Severity.Block)]
    [InlineData("这个他 妈 的问题", Severity.Block)]
    [InlineData("这个他\u200B媽的问题", Severity.Block)]
    [InlineData("不要叫人残废", Severity.Warn)]
    public void Sensitive_words_are_found_however_they_are_dressed(string text, Severity severity)
    {
        var finding = Assert.Single(ScanText(System.Text.RegularExpressions.Regex.Unescape(text)));
        Assert.Equal(severity, finding.Severity);
    }

    [Fact]
    public void A_sites_own_list_replaces_the_built_in_one()
    {
        using var folder = new GovPortal.Tests.Support.TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "sensitive-words.txt"), "# 本站词表\n内部用语\tblock\t内部资料请勿外传\n");
        var scanner = new PageScanner(Converter, folder.Path);

        var finding = Assert.Single(scanner.Scan("本文为内部资料，请勿外传。", isHtml: false, SiteHosts));
        Assert.Equal(("内部用语", Severity.Block), (finding.Category, finding.Severity));
        Assert.Empty(scanner.Scan("这个他妈的问题", isHtml: false, SiteHosts)); // the built-in list is replaced
        Assert.Single(scanner.Scan("区委书记沈志东", isHtml: false, SiteHosts)); // wording.txt still built in
    }

    [Theory]
    [InlineData("http://\uFFFF.example/")]
    [InlineData("//xn--\u00AD\uFDD0.cn/a")]
    [InlineData("https://a\u0378b.example/go.php?url=http://\uFFFE.cn/")]
    public void A_link_whose_host_no_IDN_rule_accepts_is_scanned_without_throwing(string href)
    {
        // Such a host is not this site's: the link is judged as leading elsewhere, never a crash of the scan.
        var html = $"<p>通知</p><a href=\"{System.Text.RegularExpressions.Regex.Unescape(href)}\">链接</a>";
        var findings = ScanHtml(html);
        Assert.All(findings, f => Assert.NotEqual(Severity.Block, f.Severity));
    }
}
