using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GovPortal.Search;

/// <summary>
/// Every title of one segment as its <see cref="TitleKey"/>, in memory: read from the segment's doc values by the
/// first search that ranks in it, and kept as long as the segment is open. A search asks it whether a title holds a
/// part of the query for every article it ranks: looking the title's terms up instead cost half of a search across a
/// platform's fifty indexes (docs/benchmarks.md, "Search across sites"). About two bytes a character: 50 MB for a
/// million titles.
/// </summary>
public sealed class TitleTable
{
    private static readonly ConditionalWeakTable<object, TitleTable> Tables = new();

    private readonly char[] _text;
    private readonly int[] _starts;

    private TitleTable(char[] text, int[] starts)
    {
        _text = text;
        _starts = starts;
    }

    /// <summary>The title key of the segment's document <paramref name="doc"/>; empty where none was indexed.</summary>
    public ReadOnlySpan<char> Of(int doc) => _text.AsSpan(_starts[doc], _starts[doc + 1] - _starts[doc]);

    /// <summary>The table of the segment <paramref name="reader"/> reads, made on first use.</summary>
    public static TitleTable For(AtomicReader reader) =>
        // By the segment's core: every reader of the segment (before and after deletions) shares one table. Two
        // threads may read a new segment at once; one table is kept. A failed read is not kept: the next one retries.
        Tables.GetValue(reader.CoreCacheKey, _ => Read(reader));

    private static TitleTable Read(AtomicReader reader)
    {
        var starts = new int[reader.MaxDoc + 1];
        // An index written before titles had doc values: every title empty, so none ranks by its title.
        if (reader.GetBinaryDocValues(SearchFields.TitleKey) is not { } values) return new TitleTable([], starts);
        var text = new char[Math.Max(16, reader.MaxDoc * 24)];
        var length = 0;
        var bytes = new BytesRef();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            values.Get(doc, bytes);
            var needed = length + Encoding.UTF8.GetMaxCharCount(bytes.Length);
            if (needed > text.Length) Array.Resize(ref text, Math.Max(needed, text.Length * 2));
            length += Encoding.UTF8.GetChars(bytes.Bytes, bytes.Offset, bytes.Length, text, length);
            starts[doc + 1] = length;
        }
        Array.Resize(ref text, length);
        return new TitleTable(text, starts);
    }
}
