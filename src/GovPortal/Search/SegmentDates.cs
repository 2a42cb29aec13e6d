using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace GovPortal.Search;

/// <summary>
/// One index segment's documents ordered newest first: their publication dates and document numbers. A segment never
/// changes once written, so this is worked out once per segment and kept as long as the segment is open.
/// </summary>
public sealed class SegmentDates
{
    private static readonly ConditionalWeakTable<object, SegmentDates> Cache = new();

    private SegmentDates(long[] newestFirst, int[] documents)
    {
        NewestFirst = newestFirst;
        Documents = documents;
    }

    /// <summary>Publication times (ticks), newest first.</summary>
    public long[] NewestFirst { get; }

    /// <summary>The document of each entry of <see cref="NewestFirst"/>.</summary>
    public int[] Documents { get; }

    public static SegmentDates Of(AtomicReader segment) =>
        Cache.GetValue(segment.CoreCacheKey, _ => Read(segment));

    /// <summary>How many of the segment's documents were published at <paramref name="time"/> or later.</summary>
    public int CountFrom(long time)
    {
        // The first entry older than time, by binary search over a list sorted newest first.
        int low = 0, high = NewestFirst.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (NewestFirst[middle] >= time) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static SegmentDates Read(AtomicReader segment)
    {
        var values = segment.GetNumericDocValues(SearchFields.DateOrder);
        var count = segment.MaxDoc;
        var keys = new long[count];
        var documents = new int[count];
        for (var document = 0; document < count; document++)
        {
            // Negated so that an ascending sort puts the newest first; a document without a date counts as oldest.
            keys[document] = values is null ? 0 : -values.Get(document);
            documents[document] = document;
        }
        Array.Sort(keys, documents);
        for (var i = 0; i < count; i++) keys[i] = -keys[i];
        return new SegmentDates(keys, documents);
    }
}
