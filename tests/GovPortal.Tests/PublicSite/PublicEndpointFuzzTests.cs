using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using GovPortal.Citizens.Forms;
using GovPortal.PublicSite;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;
using GovPortal.Tests.Support.Fuzzing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.PublicSite;

/// <summary>
/// Drives every public endpoint of the demo portal with generated hostile input from a fixed seed — paths, query
/// strings, headers and the bodies of every public form, with and without a valid form token — and requires that no
/// request gets a server error or a stack trace, none hangs, and the site still answers afterwards. The request count
/// and the seed come from GOVPORTAL_FUZZ_REQUESTS and GOVPORTAL_FUZZ_SEED (bench/fuzz.sh runs it longer).
/// </summary>
public sealed partial class PublicEndpointFuzzTests : IAsyncLifetime
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private RunningPortal _portal = null!;

    public async Task InitializeAsync() => _portal = await RunningPortal.StartAsync(configureServices: s => s
        .AddSingleton(new PublicFormLimits(PermitLimit: 1_000_000))
        .AddSingleton(new SearchLimits(PermitLimit: 1_000_000))
        .AddSingleton(new HitLimits(PermitsPerMinute: 1_000_000)));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    [Fact]
    public async Task Hostile_requests_to_every_public_endpoint_get_no_server_error_and_none_hangs()
    {
        var seed = Setting("GOVPORTAL_FUZZ_SEED", 20261201);
        var requests = Setting("GOVPORTAL_FUZZ_REQUESTS", 1200);
        var input = new HostileInput(seed);
        var cookies = new CookieContainer();
        // UTF-8 in header values is sent as it is (the default refuses to send it), so that the server meets it.
        using var browser = new HttpClient(new SocketsHttpHandler
            {
                CookieContainer = cookies, AllowAutoRedirect = false,
                RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
            })
            { BaseAddress = _portal.Address, Timeout = Hang };
        using var bare = new HttpClient(new SocketsHttpHandler
            {
                UseCookies = false, AllowAutoRedirect = false,
                RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
            })
            { BaseAddress = _portal.Address, Timeout = Hang };
        var origin = _portal.Address.GetLeftPart(UriPartial.Authority);

        var forms = await FormsAsync(browser);
        var pages = Manifest.Open(_portal.Output.ManifestFile).Entries.Select(e => e.Path)
            .Where(p => !OutputLayout.IsSideFile(p)).Select(p => "/" + p).ToList();
        var failures = new List<string>();
        var tally = new FuzzTally("public endpoints", seed);
        for (var i = 0; i < requests && failures.Count < 10; i++)
        {
            var (request, what) = input.Next(10) switch
            {
                < 4 => PageRequest(input, pages),
                4 => SearchRequest(input),
                5 => (new HttpRequestMessage(HttpMethod.Post, "/api/hits/" + input.EncodedValue()), "hits"),
                _ => FormRequest(input, input.Pick(forms)),
            };
            AddHeaders(input, request);
            // A path that starts with "//" would otherwise be read as another host's address and never sent here.
            if (request.RequestUri is { IsAbsoluteUri: false } relative
                && Uri.TryCreate(origin + relative.OriginalString, UriKind.Absolute, out var here)
                && here.Authority == _portal.Address.Authority)
                request.RequestUri = here;
            var target = TargetOf(what);
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await (input.Chance(0.8) ? browser : bare).SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                tally.Add(target, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), watch.Elapsed);
                if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    failures.Add($"#{i} {what}: {(int)response.StatusCode} {Shown(request.RequestUri)}");
                else if (body.Contains("   at GovPortal.", StringComparison.Ordinal) || body.Contains("Exception:"))
                    failures.Add($"#{i} {what}: a stack trace in the answer");
            }
            catch (TaskCanceledException)
            {
                tally.Add(target, "no answer", watch.Elapsed);
                failures.Add($"#{i} {what}: no answer within {Hang.TotalSeconds} s");
            }
            catch (HttpRequestException e)
            {
                // The server may close the connection on a body it refused unread (too large): an answer, not a fault.
                var closed = e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.ConnectionError
                    || e.InnerException is IOException;
                tally.Add(target, closed ? "connection closed" : $"not sent ({e.Message})", watch.Elapsed);
            }
        }
        tally.WriteIfAsked();
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n", failures));
        using var home = await bare.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    /// <summary>The figures' name of a request: both forms of a form together, any consultation as one.</summary>
    private static string TargetOf(string what) =>
        ConsultationId().Replace(what.Replace("POST /elder/", "POST /", StringComparison.Ordinal), "/yj/{id}");

    private static string Shown(Uri? address)
    {
        var text = address?.OriginalString ?? "";
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private sealed record PublicForm(string Path, IReadOnlyList<string> Fields, string Token);

    /// <summary>Every public form in every variant, with its fields and a token the browser's cookie makes valid.
    /// </summary>
    private async Task<List<PublicForm>> FormsAsync(HttpClient browser)
    {
        int consultation;
        await using (var db = _portal.Settings.Database.CreateContext())
            consultation = await db.Consultations.Select(c => c.Id).FirstAsync();
        string[] paths = ["/zfxxgk/ysqgk/", "/zfxxgk/ysqgk/cx", "/hdjl/xx", "/hdjl/cx",
            $"/hdjl/yjzj/yj/{consultation}", "/hdjl/yjzj/yj/cx"];
        var forms = new List<PublicForm>();
        foreach (var path in paths.Concat(paths.Select(p => "/elder" + p)))
        {
            var html = await browser.GetStringAsync(path);
            var fields = FieldName().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct()
                .ToList();
            var token = TokenValue().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";
            forms.Add(new PublicForm(path, fields, token));
            // The steps after a lookup: 补正, the 答复书, a rating.
            var steps = path.EndsWith("/cx", StringComparison.Ordinal) ? new[] { "/bz", "/dfs", "/pj" } : [];
            foreach (var step in steps)
                forms.Add(new PublicForm(path + step, ["number", "code", "text", "rating", "comment"], token));
        }
        return forms;
    }

    private static (HttpRequestMessage, string) PageRequest(HostileInput input, List<string> pages)
    {
        var path = input.Pick(pages);
        path = input.Next(6) switch
        {
            0 => path + "/" + input.EncodedValue(),
            1 => "/" + input.EncodedValue(),
            2 => (input.Chance(0.5) ? "/elder" : "/zh-hant") + path,
            3 => path.Replace("/", input.Pick(["//", "/./", "/%2e/", "/%2F", "/..%2f", "\\"])),
            4 => path + "?" + input.EncodedValue() + "=" + input.EncodedValue(),
            _ => path,
        };
        var method = input.Chance(0.1)
            ? input.Pick([HttpMethod.Head, HttpMethod.Options, HttpMethod.Put])
            : HttpMethod.Get;
        return (new HttpRequestMessage(method, path), $"{method} page");
    }

    private static (HttpRequestMessage, string) SearchRequest(HostileInput input)
    {
        string[] keys = ["q", "channel", "from", "to", "sort", "page", "q"];
        var query = string.Join("&", Enumerable.Range(0, input.Next(6) + 1)
            .Select(_ => input.Pick(keys) + "=" + input.EncodedValue()));
        return (new HttpRequestMessage(HttpMethod.Get, (input.Chance(0.3) ? "/elder" : "") + "/search?" + query),
            "search");
    }

    private static (HttpRequestMessage, string) FormRequest(HostileInput input, PublicForm form)
    {
        var pairs = new List<string>();
        foreach (var field in form.Fields)
        {
            if (field == PublicFormGuard.TokenField)
            {
                if (input.Chance(0.7)) pairs.Add($"{field}={Uri.EscapeDataString(form.Token)}");
                else if (input.Chance(0.5)) pairs.Add($"{field}={input.EncodedValue()}");
                continue;
            }
            if (field == PublicFormGuard.HoneypotField)
            {
                if (input.Chance(0.1)) pairs.Add($"{field}={input.EncodedValue()}");
                continue;
            }
            if (input.Chance(0.1)) continue;
            pairs.Add($"{field}={input.EncodedValue()}");
            if (input.Chance(0.1)) pairs.Add($"{field}={input.EncodedValue()}");
        }
        if (input.Chance(0.1)) pairs.Add($"{input.EncodedValue()}={input.EncodedValue()}");
        var request = new HttpRequestMessage(HttpMethod.Post, form.Path);
        if (input.Chance(0.15))
        {
            var multipart = new MultipartFormDataContent();
            // Part names go into a header: the form's own names only (a hostile name is tried in the other bodies).
            foreach (var parts in pairs.Select(pair => pair.Split('=', 2)).Where(p => form.Fields.Contains(p[0])))
                multipart.Add(new StringContent(Uri.UnescapeDataString(parts[1])), parts[0]);
            var bytes = Encoding.UTF8.GetBytes(input.Text());
            multipart.Add(new ByteArrayContent(bytes), "files",
                input.Pick(["a.pdf", "a.png", "..\\a.exe", "\u202egpj.exe", "报告.pdf"]));
            request.Content = multipart;
        }
        else
        {
            request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(string.Join("&", pairs)));
            request.Content.Headers.ContentType = input.Chance(0.9)
                ? new MediaTypeHeaderValue("application/x-www-form-urlencoded")
                : new MediaTypeHeaderValue(input.Pick(["text/plain", "application/json", "multipart/form-data"]));
        }
        return (request, $"POST {form.Path}");
    }

    private static void AddHeaders(HostileInput input, HttpRequestMessage request)
    {
        if (input.Chance(0.5))
            request.Headers.TryAddWithoutValidation("Accept-Encoding",
                input.Pick(["gzip", "br", "gzip, br", "identity;q=0", "*;q=0", "br;q=abc", input.Text()]));
        if (input.Chance(0.2))
            request.Headers.TryAddWithoutValidation("If-None-Match", input.Pick(["*", "\"x\"", input.Text()]));
        if (input.Chance(0.2))
            request.Headers.TryAddWithoutValidation("Range",
                input.Pick(["bytes=0-0", "bytes=-1", "bytes=999999999-", "bytes=5-1", "bytes=0-1,2-3,4-5", "x"]));
        if (input.Chance(0.1))
            request.Headers.TryAddWithoutValidation("If-Modified-Since", input.Pick(["0", "Thu, 01 Jan 1970", "x"]));
        if (input.Chance(0.1))
            request.Headers.TryAddWithoutValidation("Cookie", $"{PublicFormGuard.CookieName}={input.EncodedValue()}");
    }

    [GeneratedRegex(@"/yj/\d+")]
    private static partial Regex ConsultationId();

    [GeneratedRegex("name=\"([^\"]+)\"")]
    private static partial Regex FieldName();

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();
}
