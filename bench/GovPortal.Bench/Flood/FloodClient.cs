using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GovPortal.Content.Identifiers;

namespace GovPortal.Bench.Flood;

/// <summary>
/// Sends the requests of the mix as citizens' browsers would, each from an address of a pool (X-Forwarded-For, which
/// the portal believes only from its trusted proxy, here this machine), and measures each from its planned start.
/// </summary>
public sealed partial class FloodClient(Uri baseAddress, FloodTargets targets, int addresses) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        MaxConnectionsPerServer = 2000,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static readonly string[] Subjects =
        ["小区路灯损坏", "关于公交线路调整的建议", "学校周边交通安全", "噪声扰民问题反映", "咨询社保缴费事宜", "道路积水"];

    private static readonly string[] Texts =
    [
        "我家小区门口的路灯已经坏了一周，夜间出行很不方便，请有关部门尽快维修。",
        "建议在早晚高峰增加公交班次，方便上班族出行，谢谢。",
        "学校门口上下学时段车辆较多，建议增设人行横道和交通协管员。",
        "附近工地夜间施工噪声很大，影响居民休息，请予以核查处理。",
    ];

    /// <summary>One request of <paramref name="kind"/>, planned for <paramref name="planned"/> (a Stopwatch time).
    /// </summary>
    public async Task<FloodOutcome> SendAsync(FloodClass kind, long planned, Random random)
    {
        var client = AddressOf(random.Next(addresses));
        try
        {
            using var timeout = new CancellationTokenSource(RequestTimeout);
            if (kind == FloodClass.FormPost) return await FormPostAsync(planned, random, client, timeout.Token);
            using var request = RequestFor(kind, random, client);
            var (status, retryAfter, _, _) = await ExchangeAsync(request, false, timeout.Token);
            return new FloodOutcome(kind, status, Since(planned), retryAfter, null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return new FloodOutcome(kind, 0, Since(planned), false,
                e is OperationCanceledException ? "timeout" : e.GetBaseException().GetType().Name);
        }
    }

    /// <summary>Address number <paramref name="n"/> of the pool: 10.16.0.1 onwards, never a network's own address.
    /// </summary>
    private static string AddressOf(int n) => $"10.{16 + n / 65024}.{n % 65024 / 254}.{n % 254 + 1}";

    private HttpRequestMessage RequestFor(FloodClass kind, Random random, string client)
    {
        var path = kind switch
        {
            FloodClass.Page => random.Next(10) switch
            {
                0 => "/",
                < 4 => Pick(targets.Pages, random),
                _ => Pick(targets.Articles, random),
            },
            FloodClass.Variant => (random.Next(2) == 0 ? "/elder" : "/zh-hant")
                                  + Pick(random.Next(3) == 0 ? targets.Pages : targets.Articles, random),
            FloodClass.Asset => Pick(targets.Assets, random),
            FloodClass.Missing => $"/xwzx/no-such-page-{random.Next(100_000)}.html",
            FloodClass.Search => random.Next(10) switch
            {
                0 => "/elder/search",
                1 => "/api/search",
                _ => "/search",
            } + "?q=" + Uri.EscapeDataString(Pick(targets.Queries, random))
              + (random.Next(5) == 0 ? "&page=2" : ""),
            FloodClass.FormPage => random.Next(2) == 0 ? "/hdjl/xx" : "/zfxxgk/ysqgk/",
            _ => $"/api/hits/{Pick(targets.ArticleIds, random)}",
        };
        var request = new HttpRequestMessage(kind == FloodClass.Hit ? HttpMethod.Post : HttpMethod.Get, path);
        Headers(request, client);
        return request;
    }

    private static void Headers(HttpRequestMessage request, string client)
    {
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", client);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        request.Headers.TryAddWithoutValidation("User-Agent", "GovPortal.Bench flood");
    }

    /// <summary>
    /// The form page (measured from the planned start, as a <see cref="FloodClass.FormPage"/> would be, but reported
    /// with the post), then the post with the page's token and cookie: 信箱 letters and 依申请公开 applications.
    /// </summary>
    private async Task<FloodOutcome> FormPostAsync(long planned, Random random, string client, CancellationToken stop)
    {
        var letter = random.Next(3) != 0;
        using var page = new HttpRequestMessage(HttpMethod.Get, letter ? "/hdjl/xx" : "/zfxxgk/ysqgk/");
        Headers(page, client);
        page.Headers.Remove("Accept-Encoding");
        var (status, retryAfter, body, cookie) = await ExchangeAsync(page, true, stop);
        if (status != 200 || cookie is null || TokenField().Match(body) is not { Success: true } token)
            return new FloodOutcome(FloodClass.FormPost, status == 200 ? -1 : status, Since(planned), retryAfter,
                status == 200 ? "no form token" : null);
        using var post = new HttpRequestMessage(HttpMethod.Post, letter ? "/hdjl/xx" : "/zfxxgk/ysqgk/");
        Headers(post, client);
        post.Headers.TryAddWithoutValidation("Cookie", cookie);
        var fields = letter ? LetterFields(body, random) : ApplicationFields(random);
        fields.Insert(0, ("__form", System.Net.WebUtility.HtmlDecode(token.Groups[1].Value)));
        if (letter)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
            post.Content = multipart;
        }
        else post.Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        var sent = Stopwatch.GetTimestamp();
        var (postStatus, postRetry, receipt, _) = await ExchangeAsync(post, true, stop);
        var taken = postStatus == 200 && receipt.Contains(letter ? "信件编号" : "申请编号", StringComparison.Ordinal);
        return new FloodOutcome(FloodClass.FormPost, postStatus == 200 && !taken ? -2 : postStatus, Since(sent),
            postRetry, postStatus == 200 && !taken ? "no receipt" : null);
    }

    private static List<(string Name, string Value)> LetterFields(string form, Random random)
    {
        var mailboxes = MailboxOption().Matches(form).Select(m => m.Groups[1].Value).ToList();
        return
        [
            ("mailbox", mailboxes.Count > 0 ? Pick(mailboxes, random) : ""),
            ("kind", Pick<string>(["consult", "complaint", "suggestion", "help"], random)),
            ("subject", Pick(Subjects, random)),
            ("text", Pick(Texts, random)),
            ("name", Pick<string>(["张伟", "王芳", "李娜", "刘洋", "陈静"], random)),
            ("mobile", "13" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture)),
            ("email", ""),
            ("notice", "1"),
            ("website", ""),
        ];
    }

    private static List<(string Name, string Value)> ApplicationFields(Random random) =>
    [
        ("applicantType", "citizen"),
        ("name", Pick<string>(["赵敏", "孙强", "周婷", "吴磊"], random)),
        ("idNumber", ResidentId(random)),
        ("phone", "13" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture)),
        ("address", "江苏省苏州市工业园区星湖街" + random.Next(1, 999).ToString(CultureInfo.InvariantCulture) + "号"),
        ("postCode", "215000"),
        ("email", ""),
        ("description", "申请公开本区2025年度老旧小区改造项目的资金使用情况。"),
        ("delivery", "post"),
        ("medium", "electronic"),
        ("notice", "1"),
        ("website", ""),
    ];

    /// <summary>A valid 居民身份证 number of someone born between 1950 and 2000.</summary>
    private static string ResidentId(Random random)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 50));
        var first = "320506" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                    + random.Next(1000).ToString("000", CultureInfo.InvariantCulture);
        return first + ResidentIdNumber.CheckCharacter(first);
    }

    private async Task<(int Status, bool RetryAfter, string Body, string? Cookie)> ExchangeAsync(
        HttpRequestMessage request, bool readBody, CancellationToken stop)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
        var body = "";
        if (readBody) body = await response.Content.ReadAsStringAsync(stop);
        else await response.Content.CopyToAsync(Stream.Null, stop);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0])
                .FirstOrDefault(c => c.StartsWith("gp_form=", StringComparison.Ordinal))
            : null;
        return ((int)response.StatusCode, response.Headers.RetryAfter is not null, body, cookie);
    }

    private static double Since(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;

    private static T Pick<T>(IReadOnlyList<T> list, Random random) => list[random.Next(list.Count)];

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<option value=\"([a-z0-9]+)\"")]
    private static partial Regex MailboxOption();

    public void Dispose() => _http.Dispose();
}
