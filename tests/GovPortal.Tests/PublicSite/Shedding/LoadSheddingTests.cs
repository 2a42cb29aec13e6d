using System.Net;
using System.Text;
using GovPortal.PublicSite.Shedding;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.PublicSite.Shedding;

/// <summary>One portal whose dynamic lanes take one request at a time and let one more wait, and whose scheduling
/// delay is set by the tests instead of measured.</summary>
public sealed class SheddingPortalFixture : IAsyncLifetime
{
    public static readonly DynamicRequestLimits Limits =
        new(Concurrent: 1, Queue: 1, QueueWait: TimeSpan.FromMinutes(1)) { ProbeInterval = TimeSpan.Zero };

    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync() => Portal = await RunningPortal.StartAsync(
        adjustSettings: settings => settings with { DynamicLimits = Limits });

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// <summary>
/// Overload of dynamic work is shed with a fast 503, Retry-After and a short Chinese page, per lane and while the
/// machine is overloaded, never queued without bound; published pages and the back office keep being served, and
/// the next request after the overload is answered normally.
/// </summary>
public sealed class LoadSheddingTests(SheddingPortalFixture fixture) : IClassFixture<SheddingPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;
    private LoadShedding Shedding => Portal.Service<LoadShedding>();

    [Fact]
    public async Task A_full_search_lane_sheds_search_and_hits_while_pages_and_forms_are_served_then_answers_again()
    {
        var shedBefore = Shedding.ShedCount(SheddingLane.SearchAndHits);
        var place = await Shedding.EnterAsync(SheddingLane.SearchAndHits, CancellationToken.None);
        Assert.True(place.IsAcquired);
        Task<HttpResponseMessage> waiting;
        try
        {
            // The one place is taken: the next search waits its turn, and the queue (one) is then full.
            waiting = Portal.Client.GetAsync("/search?q=%E5%AE%89%E5%85%A8");
            await UntilAsync(() => Shedding.Load(SheddingLane.SearchAndHits) == (1, 1));

            var page = await Portal.Client.GetAsync("/search?q=%E6%B3%95%E6%B2%BB");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("5", page.Headers.GetValues("Retry-After").Single());
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
            var text = await page.Content.ReadAsStringAsync();
            Assert.Contains("网站访问繁忙", text);
            Assert.Contains("请 5 秒后再试", text);
            Assert.StartsWith("text/html", page.Content.Headers.ContentType?.ToString());

            var api = await Portal.Client.GetAsync("/api/search?q=x");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Contains("\"error\":\"当前访问人数较多", await api.Content.ReadAsStringAsync());
            Assert.Equal("5", api.Headers.GetValues("Retry-After").Single());
            var elder = await Portal.Client.GetAsync("/elder/search?q=x");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, elder.StatusCode);
            var hit = await Portal.Client.PostAsync("/api/hits/1", null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, hit.StatusCode);

            // Published pages, assets, the 404 page and the other lane (citizens' forms) are not held back.
            Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Portal.Client.GetAsync("/no/such/page.html")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/hdjl/xx")).StatusCode);
            Assert.False(waiting.IsCompleted);
            Assert.Equal(shedBefore + 4, Shedding.ShedCount(SheddingLane.SearchAndHits));
        }
        finally
        {
            place.Dispose();
        }
        // The waiting search gets the freed place and a normal answer; so does the next one.
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        var after = await Portal.Client.GetAsync("/search?q=%E6%B3%95%E6%B2%BB");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain("网站访问繁忙", await after.Content.ReadAsStringAsync());
        Assert.Equal((0, 0), Shedding.Load(SheddingLane.SearchAndHits));
    }

    [Fact]
    public async Task A_form_post_in_flight_holds_the_forms_lane_and_the_next_post_is_told_it_was_not_taken()
    {
        // A real post whose body is still arriving: the endpoint is reading it, holding the lane's one place.
        var release = new TaskCompletionSource();
        var held = Portal.Client.PostAsync("/hdjl/xx", new HeldFormContent(release.Task));
        await UntilAsync(() => Shedding.Load(SheddingLane.CitizenForms).Handled == 1);
        var queued = Shedding.EnterAsync(SheddingLane.CitizenForms, CancellationToken.None).AsTask();
        try
        {
            await UntilAsync(() => Shedding.Load(SheddingLane.CitizenForms) == (1, 1));

            var post = await Portal.Client.PostAsync("/zfxxgk/ysqgk/",
                new FormUrlEncodedContent(
                    [KeyValuePair.Create("name", "张三"), KeyValuePair.Create("note", "<script>")]));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
            Assert.Equal("5", post.Headers.GetValues("Retry-After").Single());
            var refused = await post.Content.ReadAsStringAsync();
            Assert.Contains("您填写的内容没有提交", refused);
            // What was typed comes back, encoded, in a form that posts it again to the same address.
            Assert.Contains("<form method=\"post\" action=\"/zfxxgk/ysqgk/\">", refused);
            Assert.Contains("name=\"name\" value=\"张三\"", refused);
            Assert.Contains("name=\"note\" value=\"&lt;script&gt;\"", refused);
            var form = await Portal.Client.GetAsync("/elder/hdjl/xx");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
            Assert.Contains("请 5 秒后再试", await form.Content.ReadAsStringAsync());
            // Search is another lane.
            Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/search?q=x")).StatusCode);
        }
        finally
        {
            release.TrySetResult();
        }
        // The held post is answered by its endpoint (its token is missing: 400 with the form again), not shed.
        var answered = await held;
        Assert.Equal(HttpStatusCode.BadRequest, answered.StatusCode);
        Assert.Contains("页面已过期", await answered.Content.ReadAsStringAsync());
        using (var place = await queued) Assert.True(place.IsAcquired);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/hdjl/xx")).StatusCode);
    }

    [Fact]
    public async Task While_the_machine_is_overloaded_every_dynamic_request_is_shed_and_pages_and_back_office_are_not()
    {
        var delay = Portal.Service<SchedulingDelay>();
        var tooLong = SheddingPortalFixture.Limits.MaxSchedulingDelay + TimeSpan.FromMilliseconds(1);
        // One long wait is a pause, not an overload; two in a row are.
        delay.Observe(tooLong);
        Assert.False(Shedding.Overloaded);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/search?q=x")).StatusCode);
        delay.Observe(tooLong);
        try
        {
            Assert.True(Shedding.Overloaded);
            foreach (var path in new[] { "/search?q=x", "/api/search?q=x", "/hdjl/xx", "/zfxxgk/ysqgk/" })
            {
                var response = await Portal.Client.GetAsync(path);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Portal.Client.PostAsync("/api/hits/1", null))
                .StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/zh-hant/")).StatusCode);
            var backOffice = await Portal.Client.GetAsync("/admin/login");
            Assert.Equal(HttpStatusCode.OK, backOffice.StatusCode);
        }
        finally
        {
            delay.Observe(TimeSpan.Zero);
        }
        // The first short wait ends it.
        Assert.False(Shedding.Overloaded);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/search?q=x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/zfxxgk/ysqgk/")).StatusCode);
    }

    [Fact]
    public void Paths_are_counted_in_their_lane()
    {
        Assert.Equal(SheddingLane.SearchAndHits, Shedding.LaneOf("/search"));
        Assert.Equal(SheddingLane.SearchAndHits, Shedding.LaneOf("/zh-hant/search/"));
        Assert.Equal(SheddingLane.SearchAndHits, Shedding.LaneOf("/api/hits/12"));
        Assert.Equal(SheddingLane.CitizenForms, Shedding.LaneOf("/zfxxgk/ysqgk/cx"));
        Assert.Equal(SheddingLane.CitizenForms, Shedding.LaneOf("/elder/hdjl/cx/pj"));
        Assert.Equal(SheddingLane.CitizenForms, Shedding.LaneOf("/hdjl/yjzj/yj/3"));
        Assert.Equal(SheddingLane.None, Shedding.LaneOf("/"));
        Assert.Equal(SheddingLane.None, Shedding.LaneOf("/xwzx/index.html"));
        Assert.Equal(SheddingLane.None, Shedding.LaneOf("/searching.html"));
    }

    /// <summary>Waits for a state of the portal (not for a time): the test fails if it is not reached.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the portal never reached the expected state");
            await Task.Delay(10);
        }
    }

    /// <summary>A form body sent in two parts: the second only when the test releases it.</summary>
    private sealed class HeldFormContent : HttpContent
    {
        // Several KB first, so that Kestrel's minimum body rate is met while the rest is held.
        private readonly byte[] _first = Encoding.ASCII.GetBytes("subject=" + new string('a', 8000));
        private readonly byte[] _rest = Encoding.ASCII.GetBytes("&text=b");
        private readonly Task _release;

        public HeldFormContent(Task release)
        {
            _release = release;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_first);
            await stream.FlushAsync();
            await _release;
            await stream.WriteAsync(_rest);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _first.Length + _rest.Length;
            return true;
        }
    }
}
