using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GovPortal.Search;

/// <summary>
/// The newest <c>size</c> documents of a set of indexes, as a filter: what a search that matches too much to rank
/// whole ranks instead (see <see cref="SiteSearch.SearchPlatform"/>). Chosen by publication time across every index,
/// so the newest articles of the platform are in it whichever site published them.
/// </summary>
public sealed class NewestWindow : Filter
{
    private NewestWindow(long from, int documents)
    {
        From = from;
        Documents = documents;
    }

    /// <summary>The publication time (ticks) of the oldest document in the window.</summary>
    public long From { get; }

    /// <summary>How many documents the window holds (deleted ones included, so about).</summary>
    public int Documents { get; }

    /// <summary>
    /// The newest <paramref name="size"/> documents of <paramref name="reader"/>'s segments; all of them when they
    /// are fewer. Documents published at the same moment as the window's oldest are all in it.
    /// </summary>
    public static NewestWindow Of(IndexReader reader, int size)
    {
        var segments = reader.Leaves.Select(l => SegmentDates.Of(l.AtomicReader)).ToList();
        var total = segments.Sum(s => s.NewestFirst.Length);
        if (total <= size) return new NewestWindow(long.MinValue, total);
        // The latest time from which at least size documents were published, by binary search over time.
        long low = segments.Where(s => s.NewestFirst.Length > 0).Min(s => s.NewestFirst[^1]);
        long high = segments.Where(s => s.NewestFirst.Length > 0).Max(s => s.NewestFirst[0]);
        while (low < high)
        {
            var middle = low + (high - low + 1) / 2;
            if (segments.Sum(s => s.CountFrom(middle)) >= size) low = middle;
            else high = middle - 1;
        }
        return new NewestWindow(low, segments.Sum(s => s.CountFrom(low)));
    }

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var dates = SegmentDates.Of(context.AtomicReader);
        var count = dates.CountFrom(From);
        if (count == 0) return null;
        var window = new FixedBitSet(context.AtomicReader.MaxDoc);
        for (var i = 0; i < count; i++)
        {
            var document = dates.Documents[i];
            if (acceptDocs is null || acceptDocs.Get(document)) window.Set(document);
        }
        return window;
    }
}
