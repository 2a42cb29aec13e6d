using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovPortal.Data;

/// <summary>
/// Stores a content record's extra fields (<see cref="Content.IArticleContent.Extras"/>) as one JSON object, and
/// none as an empty string, so rows of kinds without extras cost nothing to read.
/// </summary>
public sealed class ExtrasConverter() : ValueConverter<Dictionary<string, string>, string>(
    extras => extras.Count == 0 ? "" : JsonSerializer.Serialize(extras, (JsonSerializerOptions?)null),
    json => json.Length == 0
        ? new Dictionary<string, string>()
        : JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null)
        ?? new Dictionary<string, string>())
{
    /// <summary>Compares by content, so a value changed inside the dictionary is saved.</summary>
    public static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        extras => extras.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
        extras => new Dictionary<string, string>(extras));
}
