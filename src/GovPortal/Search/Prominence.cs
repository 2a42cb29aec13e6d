using Lucene.Net.Index;
using Lucene.Net.Search;
using JavaInt32 = J2N.Numerics.Int32;

namespace GovPortal.Search;

/// <summary>
/// What a search by relevance orders by first: the document whose 发文字号 or 索引号 was typed, then articles by how
/// many of the query's parts their title holds whole (相城区召开生态环境保护大会 for 相城区 生态环境保护大会 holds
/// two), and only then by the score of the words. Read from each segment's <see cref="TitleTable"/> for the articles
/// ranked, not from the title's terms: once a page is full, an article whose title holds fewer parts than the page's
/// last is passed over without being scored.
/// </summary>
public sealed class Prominence : FieldComparerSource
{
    private readonly string[] _parts;
    private readonly string _numberKey;

    private Prominence(string[] parts, string numberKey)
    {
        _parts = parts;
        _numberKey = numberKey;
    }

    /// <summary>The sort field, most prominent first.</summary>
    /// <param name="numberKey">The query as a number's key (<see cref="NumberKeys"/>); empty when it is none.</param>
    public static SortField Field(IEnumerable<QueryPart> parts, string numberKey) =>
        new("prominence", new Prominence(
            [.. parts.Select(p => TitleKey.Of(p.Text)).Where(k => k.Length > 0).Distinct()], numberKey),
            reverse: true);

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
        new Comparer(this, numHits);

    private sealed class Comparer(Prominence prominence, int slots) : FieldComparer<JavaInt32>
    {
        private readonly int[] _values = new int[slots];
        private TitleTable? _titles;
        private int[] _numbered = [];
        private int _bottom;
        private int _top;

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            _titles = TitleTable.For(context.AtomicReader);
            _numbered = Numbered(context.AtomicReader);
            return this;
        }

        /// <summary>The segment's documents with the number typed (rarely more than one), in order.</summary>
        private int[] Numbered(AtomicReader reader)
        {
            if (prominence._numberKey.Length == 0) return [];
            var docs = reader.GetTermDocsEnum(new Term(SearchFields.NumberKey, prominence._numberKey));
            if (docs is null) return [];
            var found = new List<int>();
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) found.Add(doc);
            return [.. found];
        }

        private int Of(int doc)
        {
            // Above any title: the parts are at most as many as the query had.
            if (_numbered.Length > 0 && Array.BinarySearch(_numbered, doc) >= 0) return prominence._parts.Length + 1;
            var title = _titles!.Of(doc);
            var held = 0;
            foreach (var part in prominence._parts)
                if (TitleKey.Holds(title, part)) held++;
            return held;
        }

        public override int Compare(int slot1, int slot2) => _values[slot1].CompareTo(_values[slot2]);

        public override void SetBottom(int slot) => _bottom = _values[slot];

        public override void SetTopValue(JavaInt32 value) => _top = value.ToInt32();

        public override int CompareBottom(int doc) => _bottom.CompareTo(Of(doc));

        public override int CompareTop(int doc) => _top.CompareTo(Of(doc));

        public override void Copy(int slot, int doc) => _values[slot] = Of(doc);

        public override JavaInt32 this[int slot] => JavaInt32.GetInstance(_values[slot]);
    }
}
