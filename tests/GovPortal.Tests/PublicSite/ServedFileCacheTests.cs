using System.Diagnostics.Metrics;
using GovPortal.Publishing.Output;
using GovPortal.PublicSite;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.PublicSite;

public sealed class ServedFileCacheTests
{
    private static ServedFile File(string path, int size, string sha = "a")
    {
        var entry = new ManifestEntry(path, Hash(sha), size, DateTime.UtcNow, "Home:0:0");
        return new ServedFile(entry, entry, null, new byte[size], "/x/" + path, null);
    }

    private static FileHash Hash(string digit) => FileHash.Parse(digit.PadRight(FileHash.HexLength, '0'));

    [Fact]
    public void The_oldest_files_make_room_within_the_budget()
    {
        var cache = new ServedFileCache(budgetBytes: 1000);
        for (var i = 0; i < 10; i++) cache.Add($"p{i}.html", File($"p{i}.html", 200));

        Assert.True(cache.Bytes <= 1000);
        Assert.Equal(5, cache.Count);
        Assert.False(cache.TryGet("p0.html", Hash("a"), out _));
        Assert.True(cache.TryGet("p9.html", Hash("a"), out _));
    }

    [Fact]
    public void A_new_version_replaces_the_old_and_is_not_evicted_by_it()
    {
        var cache = new ServedFileCache(budgetBytes: 1000);
        cache.Add("p.html", File("p.html", 200, "a"));
        cache.Add("p.html", File("p.html", 200, "b"));
        for (var i = 0; i < 2; i++) cache.Add($"q{i}.html", File($"q{i}.html", 200));

        Assert.Equal(600, cache.Bytes);
        Assert.True(cache.TryGet("p.html", Hash("b"), out _));
        Assert.False(cache.TryGet("p.html", Hash("a"), out _));
    }

    [Fact]
    public void Very_large_files_are_not_kept_and_invalidation_frees_memory()
    {
        var cache = new ServedFileCache(budgetBytes: 1000);
        cache.Add("big.pdf", File("big.pdf", 600));
        Assert.Equal(0, cache.Count);
        cache.Add("p.html", File("p.html", 100));
        cache.Invalidate("p.html");
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Large_files_asked_for_in_turn_cannot_push_pages_out()
    {
        const int large = ServedFileCache.LargeFileBytes + 1000;
        var cache = new ServedFileCache(budgetBytes: 1000, largeBudgetBytes: 2L * large);
        for (var i = 0; i < 4; i++) cache.Add($"p{i}.html", File($"p{i}.html", 200));
        for (var i = 0; i < 6; i++) cache.Add($"v{i}.mp4", File($"v{i}.mp4", large));

        for (var i = 0; i < 4; i++) Assert.True(cache.TryGet($"p{i}.html", Hash("a"), out _));
        Assert.True(cache.TryGet("v5.mp4", Hash("a"), out _));
        Assert.False(cache.TryGet("v0.mp4", Hash("a"), out _));
        Assert.Equal(800 + 2L * large, cache.Bytes);
        // A path whose new version is of the other size leaves no old copy behind.
        cache.Add("p0.html", File("p0.html", large, "b"));
        Assert.False(cache.TryGet("p0.html", Hash("a"), out _));
        Assert.True(cache.TryGet("p0.html", Hash("b"), out _));
    }

    [Fact]
    public void The_cache_size_is_published_as_metrics_for_counters_and_exporters()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var cache = new ServedFileCache(budgetBytes: 1000);
        ServedFileCacheMetrics.Register(services.GetRequiredService<IMeterFactory>(), cache);
        cache.Add("p.html", File("p.html", 200));
        cache.Add("q.html", File("q.html", 50));

        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServedFileCacheMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(250, seen[ServedFileCacheMetrics.BytesInstrument]);
        Assert.Equal(2, seen[ServedFileCacheMetrics.FilesInstrument]);
    }
}
