using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Interaction;

/// <summary>A file to attach: name, type and bytes.</summary>
public sealed record Upload(string Name, string ContentType, byte[] Content)
{
    /// <summary>A small file that really is a PNG image (it decodes).</summary>
    public static Upload Png(string name = "现场照片.png")
    {
        using var picture = GovPortal.Tests.Content.TestPictures.Halves(16, 16);
        return new(name, "image/png",
            GovPortal.Tests.Content.TestPictures.Encode(picture, SkiaSharp.SKEncodedImageFormat.Png));
    }

    public static Upload Pdf(string name = "材料.pdf") => new(name, "application/pdf", TestPdf.Create("来信附件材料"));
}

/// <summary>
/// A citizen's browser without script writing letters: its own cookies, the form token read from the page it posts,
/// the letter form posted as multipart (with files) like a browser does.
/// </summary>
public sealed partial class LetterWriter : IDisposable
{
    public const string FormPath = "/hdjl/xx";
    public const string LookupPath = "/hdjl/cx";
    public const string RatePath = "/hdjl/cx/pj";
    public const string Name = "写信测试人甲";
    public const string Mobile = "13912345678";
    public const string Subject = "阳澄湖路路灯不亮";
    public const string Text = "阳澄湖路与澄和路交叉口向北约二百米的路灯已经一周不亮，夜间行人很不方便，请尽快维修。";

    /// <param name="host">The site's host name, when not the first site's.</param>
    public LetterWriter(RunningPortal portal, string? host = null)
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

    /// <summary>Every field of a valid letter to the 区长信箱.</summary>
    public static Dictionary<string, string> ValidFields() => new()
    {
        ["mailbox"] = "qzxx", ["kind"] = "complaint", ["subject"] = Subject, ["text"] = Text, ["name"] = Name,
        ["mobile"] = Mobile, ["email"] = "writer@example.cn", ["publish"] = "1", ["notice"] = "1", ["website"] = "",
    };

    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("no form token on " + page);
    }

    /// <summary>The letter form as a browser posts it: multipart, each field a part, each file a part.</summary>
    public static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<Upload>? files = null)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var any = false;
        foreach (var file in files ?? [])
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, "files", file.Name);
            any = true;
        }
        if (!any)
        {
            // What a browser sends for a file field where nothing was chosen.
            var empty = new ByteArrayContent([]);
            empty.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            empty.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = "\"files\"", FileName = "\"\"",
            };
            content.Add(empty);
        }
        return content;
    }

    public async Task<(HttpStatusCode Status, IDocument Page, string Html)> WriteAsync(
        IReadOnlyDictionary<string, string> fields, IEnumerable<Upload>? files = null, bool withToken = true,
        string path = FormPath)
    {
        var all = fields.ToList();
        if (withToken) all.Add(new("__form", await TokenAsync(path)));
        using var response = await Http.PostAsync(path, Multipart(all, files));
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Html.Parse(html), html);
    }

    /// <summary>Writes a letter and returns the number and code the receipt shows.</summary>
    public async Task<(string Number, string Code)> SendAsync(Dictionary<string, string>? fields = null,
        IEnumerable<Upload>? files = null)
    {
        var (status, page, html) = await WriteAsync(fields ?? ValidFields(), files);
        Assert.True(status == HttpStatusCode.OK, html);
        return (page.QuerySelector("#receipt-number").Text(), page.QuerySelector("#receipt-code").Text());
    }

    public async Task<(HttpStatusCode Status, IDocument Page, string Html)> PostAsync(string path,
        IReadOnlyDictionary<string, string> fields, string tokenPage = LookupPath, bool withToken = true)
    {
        var all = fields.ToList();
        if (withToken) all.Add(new("__form", await TokenAsync(tokenPage)));
        using var response = await Http.PostAsync(path, new FormUrlEncodedContent(all));
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Html.Parse(html), html);
    }

    public Task<(HttpStatusCode Status, IDocument Page, string Html)> LookupAsync(string number, string code) =>
        PostAsync(LookupPath, new Dictionary<string, string> { ["number"] = number, ["code"] = code });

    public Task<(HttpStatusCode Status, IDocument Page, string Html)> RateAsync(string number, string code,
        string rating, string comment = "") =>
        PostAsync(RatePath, new Dictionary<string, string>
        {
            ["number"] = number, ["code"] = code, ["rating"] = rating, ["comment"] = comment,
        });

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
