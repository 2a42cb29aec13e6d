using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.PublicSite;

/// <summary>
/// How the public server serves the output: caching validators, compression, headers, and what it refuses.
/// </summary>
public sealed class ServingTests(DemoPortalFixture fixture) : IClassFixture<DemoPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;

    [Fact]
    public async Task Etag_and_last_modified_revalidate_to_304()
    {
        using var first = await Portal.Client.GetAsync("/");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        // A withdrawn or corrected page must be gone at the next request: kept, but revalidated every time.
        Assert.Equal("public, no-cache", first.Headers.CacheControl!.ToString());
        var stylesheet = Html.Parse(await first.Content.ReadAsStringAsync())
            .QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using (var asset = await Portal.Client.GetAsync(stylesheet))
            Assert.Contains("immutable", asset.Headers.CacheControl!.ToString()); // hashed names never change

        using var byEtag = new HttpRequestMessage(HttpMethod.Get, "/");
        byEtag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Portal.Client.SendAsync(byEtag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/");
        byDate.Headers.IfModifiedSince = lastModified;
        using var notModifiedByDate = await Portal.Client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));
        using var full = await Portal.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Fact]
    public async Task Pages_feeds_sitemaps_and_their_compressed_forms_revalidate_every_time()
    {
        // A withdrawn or corrected page must be gone at the reader's next request, wherever it is listed.
        var seed = await Portal.SeedArticleAsync();
        var index = await Portal.Client.GetStringAsync("/sitemap.xml");
        var channelSitemap = Regex.Matches(index, "<loc>([^<]+)</loc>")
            .Select(m => new Uri(m.Groups[1].Value).AbsolutePath).First(path => path.EndsWith("/sitemap.xml"));
        var channel = channelSitemap[..^"sitemap.xml".Length];
        string[] paths =
        [
            "/", seed.Url!, channel, channel + "rss.xml", "/sitemap.xml", channelSitemap, "/sitemap-site.xml",
            "/404.html", "/elder" + seed.Url, "/zh-hant" + seed.Url,
        ];
        foreach (var path in paths)
            foreach (var encoding in new[] { "br", "gzip", "identity" })
            {
                using var response = await GetAsync(path, encoding);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} {encoding}: {(int)response.StatusCode}");
                Assert.Equal("public, no-cache", response.Headers.CacheControl?.ToString());
                var etag = response.Headers.ETag;
                Assert.NotNull(etag);
                using var revalidated = await GetAsync(path, encoding, etag);
                Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode); // what a revalidation costs
                Assert.Equal("public, no-cache", revalidated.Headers.CacheControl?.ToString());
            }
        using var missing = await Portal.Client.GetAsync("/no-such-page.html");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("no-cache", missing.Headers.CacheControl?.ToString());
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string encoding, EntityTagHeaderValue? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        if (etag is not null) request.Headers.IfNoneMatch.Add(etag);
        return await Portal.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task Precompressed_variant_is_chosen_by_accept_encoding(string? acceptEncoding, string? expected)
    {
        var seed = await Portal.SeedArticleAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, seed.Url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await Portal.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Stream decoded = expected switch
        {
            "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            _ => new MemoryStream(bytes),
        };
        var html = await new StreamReader(decoded, Encoding.UTF8).ReadToEndAsync();
        Assert.Contains(PortalData.SeedTitle, html);
        if (expected is not null) Assert.True(bytes.Length < Encoding.UTF8.GetByteCount(html) / 2);
    }

    [Fact]
    public async Task Public_pages_carry_a_strict_content_security_policy()
    {
        using var response = await Portal.Client.GetAsync("/");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_channel_address_without_trailing_slash_redirects_to_the_channel()
    {
        using var response = await Portal.Client.GetAsync("/xwzx/xcyw");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/xwzx/xcyw/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Head_answers_headers_only_and_other_methods_are_refused()
    {
        using var head = await Portal.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 1000);
        using var post = await Portal.Client.PostAsync("/", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Theory]
    [InlineData("/../govportal.db")]
    [InlineData("/..%2fgovportal.db")]
    [InlineData("/%2e%2e/govportal.db")]
    [InlineData("/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/xwzx/..%2f..%2fmanifest.db")]
    [InlineData("/xwzx/%2e%2e/%2e%2e/manifest.db")]
    [InlineData("/..\\manifest.db")]
    [InlineData("/%5c..%5cmanifest.db")]
    [InlineData("//etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/index.html.br")]
    [InlineData("/index.html%00.txt")]
    [InlineData("/.hidden")]
    [InlineData("/zh-hant/%2e%2e/%2e%2e/govportal.db")]
    [InlineData("/elder/..%2f..%2fmanifest.db")]
    [InlineData("/zh-hant/../../govportal.db")]
    [InlineData("/elder/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    public async Task No_path_reaches_a_file_outside_the_published_output(string path)
    {
        var response = await RawGetAsync(path);
        // Kestrel itself rejects some forms as malformed (400); the rest reach the
        // output server and find nothing (404).
        Assert.Matches(@"^HTTP/1\.1 (400|404) ", response);
        Assert.DoesNotContain("SQLite format", response);
        Assert.DoesNotContain("root:", response);
    }

    [Fact]
    public async Task A_file_in_the_output_folder_that_was_not_published_is_not_served()
    {
        var dropped = Path.Combine(Portal.Output.PublicDirectory, "shell.aspx");
        await File.WriteAllTextAsync(dropped, "<% evil %>");
        var copy = Path.Combine(Portal.Output.PublicDirectory, "xwzx", "dropped.html");
        await File.WriteAllTextAsync(copy, "<p>not published</p>");
        try
        {
            using var shell = await Portal.Client.GetAsync("/shell.aspx");
            Assert.Equal(HttpStatusCode.NotFound, shell.StatusCode);
            using var page = await Portal.Client.GetAsync("/xwzx/dropped.html");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }
        finally
        {
            File.Delete(dropped);
            File.Delete(copy);
        }
    }

    /// <summary>
    /// Sends the path exactly as written: HttpClient would normalise dot segments before they reach the server.
    /// </summary>
    private async Task<string> RawGetAsync(string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Portal.Address.Host, Portal.Address.Port);
        await using var stream = client.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: {Portal.Address.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
