using System.Net;
using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.PublicSite;
using GovPortal.Safety.Tamper;
using GovPortal.Storage;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Publishing;

/// <summary>A site's output: its own folder, its side files published like pages, and the site found by host.</summary>
public sealed class SiteOutputTests
{
    [Fact]
    public async Task The_side_files_are_published_beside_the_public_folder_in_the_manifest_and_never_served()
    {
        await using var portal = await RunningPortal.StartAsync();
        var layout = portal.Output;
        Assert.Equal(Path.Combine(portal.DataDirectory, "output", OutputLayout.FirstSiteCode), layout.Directory);
        var manifest = portal.Service<Manifest>();
        foreach (var side in new[] { OutputLayout.SiteInfoFile, OutputLayout.WithdrawnListFile })
        {
            Assert.True(manifest.TryGet(side, out _), side);
            var file = layout.FullPathOf(side);
            Assert.True(File.Exists(file), side);
            Assert.Equal(layout.Directory, Path.GetDirectoryName(file));
            Assert.False(manifest.TryGet(side + ".gz", out _));
        }

        var site = PublishedSite.Parse(await File.ReadAllBytesAsync(layout.FullPathOf(OutputLayout.SiteInfoFile)))!;
        Assert.Equal(OutputLayout.FirstSiteCode, site.Code);
        Assert.Contains(new Uri(site.BaseUrl).Host, site.HostNames);
        Assert.Same(portal.Service<PublicSites>().All.Single(), portal.Service<PublicSites>().For("any-host.example"));

        foreach (var path in new[] { "/.site/site.json", "/.site/withdrawn.txt", "/site.json", "/withdrawn.txt" })
        {
            using var response = await portal.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_changed_withdrawn_list_is_never_believed_and_is_put_back_by_the_sweep()
    {
        await using var portal = await RunningPortal.StartAsync(
            configureServices: GovPortal.Tests.Safety.TamperGuardTests.SweepAlone);
        var seed = await portal.SeedArticleAsync();
        await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.Status = ArticleStatus.Withdrawn);
        using (var gone = await portal.Client.GetAsync(seed.Url))
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);

        var file = portal.Output.FullPathOf(OutputLayout.WithdrawnListFile);
        var published = await File.ReadAllBytesAsync(file);
        Assert.Contains(WithdrawnList.Normalize(seed.Url!), WithdrawnList.Parse(published));
        await File.WriteAllTextAsync(file, "xwzx/other.html\n");

        using (var stillGone = await portal.Client.GetAsync(seed.Url))
            Assert.Equal(HttpStatusCode.Gone, stillGone.StatusCode);
        portal.Service<TamperGuard>().Sweep();
        Assert.Equal(published, await File.ReadAllBytesAsync(file));
        Assert.Contains(portal.Service<TamperAlerts>().Recent,
            e => e.Path == OutputLayout.WithdrawnListFile && e.Kind == TamperKind.Modified);

        await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.Status = ArticleStatus.Published);
        var afterRepublishing = WithdrawnList.Parse(await File.ReadAllBytesAsync(file));
        Assert.DoesNotContain(WithdrawnList.Normalize(seed.Url!), afterRepublishing);
        using var back = await portal.Client.GetAsync(seed.Url);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task The_days_of_mourning_stay_through_a_full_publish()
    {
        await using var portal = await RunningPortal.StartAsync();
        var publisher = portal.Service<Publisher>();
        await publisher.PublishMourningDaysAsync([new DateOnly(2026, 12, 13), new DateOnly(2026, 4, 4)]);

        await publisher.PublishAllAsync();

        DateOnly[] days = [new(2026, 4, 4), new(2026, 12, 13)];
        Assert.Equal(days, publisher.PublishedMourningDays().Order());
        Assert.Equal(days, portal.Service<MourningCalendar>().Dates().Order());
        Assert.True(portal.Service<Manifest>().TryGet(OutputLayout.MourningDaysFile, out _));
    }

    [Fact]
    public async Task The_days_of_mourning_of_an_older_output_folder_are_carried_over()
    {
        using var data = new TempDirectory();
        var legacy = OutputLayout.LegacyMourningDaysFile(new PortalPaths(data.Path));
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        await File.WriteAllTextAsync(legacy, "# 全站置灰的日期\n2026-12-13\n");

        await using var portal = await RunningPortal.StartAsync(dataDirectory: data.Path);

        Assert.Equal([new DateOnly(2026, 12, 13)], portal.Service<MourningCalendar>().Dates());
        Assert.False(File.Exists(legacy));
    }

    [Fact]
    public void A_published_site_answers_to_its_host_names_and_its_base_address()
    {
        var site = PublishedSite.From("main", "相城区人民政府", "https://www.szxc.gov.cn", "szxc.gov.cn, WWW.Example.cn");

        Assert.Equal(["szxc.gov.cn", "www.example.cn", "www.szxc.gov.cn"], site.HostNames.Order());
        Assert.True(site.Answers("www.example.CN"));
        Assert.False(site.Answers("example.cn"));
        var parsed = PublishedSite.Parse(site.ToJson())!;
        Assert.Equal((site.Code, site.Name, site.BaseUrl), (parsed.Code, parsed.Name, parsed.BaseUrl));
        Assert.Equal(site.HostNames, parsed.HostNames);
    }

    [Fact]
    public void With_several_sites_a_request_goes_to_the_site_whose_published_host_names_hold_its_host()
    {
        using var data = new TempDirectory();
        var paths = new PortalPaths(data.Path);
        var sites = new PublicSites([
            SiteAnswering(paths, "main", "https://www.szxc.gov.cn", "szxc.gov.cn"),
            SiteAnswering(paths, "hdq", "https://hdq.szxc.gov.cn", "hudong.example.cn")]);

        Assert.Equal("main", sites.For("www.szxc.gov.cn")?.Code);
        Assert.Equal("main", sites.For("SZXC.gov.cn")?.Code);
        Assert.Equal("hdq", sites.For("hdq.szxc.gov.cn")?.Code);
        Assert.Equal("hdq", sites.For("hudong.example.cn")?.Code);
        // A host no site names gets no site; the machine's own loopback address is the first site's.
        Assert.Null(sites.For("nosuch.szxc.gov.cn"));
        Assert.Null(sites.For("localhost"));
        Assert.Equal("main", sites.For("127.0.0.1")?.Code);
        Assert.Equal("main", sites.For("[::1]")?.Code);
    }

    [Fact]
    public void A_site_made_again_with_a_removed_sites_code_answers_with_its_own_host_names()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var main = SiteAnswering(new PortalPaths(first.Path), "main", "https://www.szxc.gov.cn", "szxc.gov.cn");
        var removed = SiteAnswering(new PortalPaths(first.Path), "hdq", "https://hdq.szxc.gov.cn", "old.example.cn");
        var sites = new PublicSites([main, removed]);
        Assert.Equal("hdq", sites.For("old.example.cn")?.Code);

        sites.Remove("hdq");
        // A request that began before the removal still asks about the removed site's output.
        Assert.True(sites.PublishedSiteOf(removed)!.Answers("old.example.cn"));
        sites.Add(SiteAnswering(new PortalPaths(second.Path), "hdq", "https://hdq.szxc.gov.cn", "new.example.cn"));

        Assert.Equal("hdq", sites.For("new.example.cn")?.Code);
        Assert.Null(sites.For("old.example.cn"));
        Assert.True(sites.PublishedSiteOf(sites.ByCode("hdq")!)!.Answers("new.example.cn"));
    }

    /// <summary>A site whose output holds only its site.json: only the output decides where a request goes.</summary>
    private static PublicSiteOutput SiteAnswering(PortalPaths paths, string code, string baseUrl, string hostNames)
    {
        var layout = OutputLayout.For(paths, code);
        var store = new OutputStore(layout, Manifest.Open(layout.ManifestFile), new ObjectStore(paths.ObjectStoreFile),
            TimeProvider.System);
        using var batch = store.BeginBatch();
        batch.Write(PageKey.SiteInfo, OutputLayout.SiteInfoFile,
            PublishedSite.From(code, code, baseUrl, hostNames).ToJson());
        batch.Commit([]);
        return new PublicSiteOutput(store, Files: null!, Search: null!, Mourning: null!);
    }

    [Theory]
    [InlineData("main", true)]
    [InlineData("xc-2", true)]
    [InlineData("", false)]
    [InlineData("Main", false)]
    [InlineData("../x", false)]
    [InlineData("-x", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    public void A_site_code_names_a_folder_safely(string code, bool valid) =>
        Assert.Equal(valid, OutputLayout.IsValidSiteCode(code));
}
