using Lucene.Net.Search;

namespace GovPortal.Search;

/// <summary>The orders a search's hits come in.</summary>
public static class SearchSorts
{
    private static readonly SortField NewestFirst = new(SearchFields.DateOrder, SortFieldType.INT64, reverse: true);

    /// <summary>The newest first.</summary>
    public static readonly Sort Newest = new(NewestFirst);

    /// <summary>
    /// The most prominent first (<see cref="Prominence"/>: the number typed, then the parts a title holds whole),
    /// then by the words' score, then the newest: among equals, a government site's reader wants the latest.
    /// </summary>
    /// <param name="numberKey">The query as a number's key (<see cref="NumberKeys"/>); empty when it is none.</param>
    public static Sort Relevance(IReadOnlyList<QueryPart> parts, string numberKey = "") =>
        new(Prominence.Field(parts, numberKey), SortField.FIELD_SCORE, NewestFirst);
}
