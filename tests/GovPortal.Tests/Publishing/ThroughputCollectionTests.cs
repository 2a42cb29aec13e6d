using System.Runtime;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// The collector mode is the whole process's: these tests run alone, so no other test's publish holds it meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CollectorModeCollection
{
    public const string Name = "Collector mode";
}

/// <summary>
/// A full publish compacts as it goes (batch mode); serving keeps background collections before and after it.
/// </summary>
[Collection(CollectorModeCollection.Name)]
public sealed class ThroughputCollectionTests
{
    [Fact]
    public async Task A_full_publish_runs_in_batch_mode_and_gives_the_ordinary_mode_back()
    {
        await using var portal = await RunningPortal.StartAsync();
        Assert.Equal(GCLatencyMode.Interactive, GCSettings.LatencyMode);
        await using (var db = portal.Settings.Database.CreateContext())
            await db.Articles.ExecuteUpdateAsync(set => set.SetProperty(a => a.Title, a => a.Title + "（修订）"));

        var modes = new System.Collections.Concurrent.ConcurrentBag<GCLatencyMode>();
        var store = portal.Service<OutputStore>();
        store.AfterFileCommitted = _ => modes.Add(GCSettings.LatencyMode);
        try
        {
            await portal.Service<Publisher>().PublishAllAsync();
        }
        finally
        {
            store.AfterFileCommitted = null;
        }

        Assert.NotEmpty(modes);
        Assert.All(modes, mode => Assert.Equal(GCLatencyMode.Batch, mode));
        Assert.Equal(GCLatencyMode.Interactive, GCSettings.LatencyMode);
    }

    [Fact]
    public void Overlapping_publishes_share_one_batch_period_that_ends_with_the_last()
    {
        Assert.Equal(GCLatencyMode.Interactive, GCSettings.LatencyMode);
        var first = ThroughputCollection.Begin();
        var second = ThroughputCollection.Begin();
        Assert.Equal(GCLatencyMode.Batch, GCSettings.LatencyMode);

        first.Dispose();
        first.Dispose(); // ending twice counts once
        Assert.Equal(GCLatencyMode.Batch, GCSettings.LatencyMode);

        second.Dispose();
        Assert.Equal(GCLatencyMode.Interactive, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_mode_chosen_on_purpose_is_left_alone()
    {
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        try
        {
            using (ThroughputCollection.Begin())
                Assert.Equal(GCLatencyMode.SustainedLowLatency, GCSettings.LatencyMode);
            Assert.Equal(GCLatencyMode.SustainedLowLatency, GCSettings.LatencyMode);
        }
        finally
        {
            GCSettings.LatencyMode = GCLatencyMode.Interactive;
        }
    }
}
