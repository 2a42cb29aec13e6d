using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Disclosure;

/// <summary>A citizen's browser without script: its own cookies, the form token read from the page it posts.</summary>
public sealed partial class Applicant : IDisposable
{
    public const string FormPath = "/zfxxgk/ysqgk/";
    public const string LookupPath = "/zfxxgk/ysqgk/cx";
    public const string IdNumber = "320507198001011231";
    public const string Name = "测试申请人甲";

    /// <param name="host">The site's host name, when not the first site's.</param>
    public Applicant(RunningPortal portal, string? host = null)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = portal.Address,
        };
        if (host is not null) Http.DefaultRequestHeaders.Host = host;
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

    /// <summary>Every field of a valid application by a citizen.</summary>
    public static Dictionary<string, string> ValidFields(string name = Name, string id = IdNumber) => new()
    {
        ["applicantType"] = "citizen", ["organisationKind"] = "", ["name"] = name, ["idNumber"] = id,
        ["phone"] = "13812345678", ["address"] = "江苏省苏州市相城区元和街道测试路1号", ["postCode"] = "215131",
        ["email"] = "applicant@example.cn", ["description"] = "申请公开本区2025年度城市更新项目的立项批复文件。",
        ["delivery"] = "email", ["medium"] = "electronic", ["notice"] = "1", ["website"] = "",
    };

    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("no form token on " + page);
    }

    public async Task<(HttpStatusCode Status, IDocument Page, string Html)> PostAsync(string path,
        IReadOnlyDictionary<string, string> fields, bool withToken = true, string? tokenPage = null)
    {
        var all = fields.ToList();
        if (withToken) all.Add(new("__form", await TokenAsync(tokenPage ?? path)));
        using var response = await Http.PostAsync(path, new FormUrlEncodedContent(all));
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Html.Parse(html), html);
    }

    /// <summary>Applies and returns the number and code the receipt shows.</summary>
    public async Task<(string Number, string Code)> ApplyAsync(Dictionary<string, string>? fields = null)
    {
        var (status, page, html) = await PostAsync(FormPath, fields ?? ValidFields());
        Assert.True(status == HttpStatusCode.OK, html);
        return (page.QuerySelector("#receipt-number").Text(), page.QuerySelector("#receipt-code").Text());
    }

    public Task<(HttpStatusCode Status, IDocument Page, string Html)> LookupAsync(string number, string code) =>
        PostAsync(LookupPath, new Dictionary<string, string> { ["number"] = number, ["code"] = code });

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
