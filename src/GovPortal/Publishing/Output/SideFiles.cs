using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GovPortal.Publishing.Output;

/// <summary>
/// The format of <see cref="OutputLayout.WithdrawnListFile"/>: one output-relative address per line, e.g.
/// xwzx/xcyw/202310/t20231012_17.html, after a comment line (#). Written by the publisher, read by the public server.
/// </summary>
public static class WithdrawnList
{
    public static byte[] Format(IEnumerable<string> paths) => Encoding.UTF8.GetBytes(string.Concat(
        ["# 已撤稿文章的地址（每行一个），访问时答复 410\n",
            .. paths.Select(Normalize).Distinct().Order(StringComparer.Ordinal).Select(p => p + "\n")]));

    public static HashSet<string> Parse(ReadOnlySpan<byte> content) =>
        Encoding.UTF8.GetString(content)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#')).ToHashSet(StringComparer.Ordinal);

    /// <summary>The list as <paramref name="store"/> last published it, empty when it has none.</summary>
    public static PublishedSideFile<IReadOnlySet<string>> Published(OutputStore store) =>
        new(store, OutputLayout.WithdrawnListFile,
            content => content is null ? new HashSet<string>(StringComparer.Ordinal) : Parse(content));

    /// <summary>An article address (/xwzx/…) as the list holds it (xwzx/…).</summary>
    public static string Normalize(string url) => url.TrimStart('/');
}

/// <summary>
/// The format of <see cref="OutputLayout.MourningDaysFile"/>: one YYYY-MM-DD per line, lines starting with # are
/// comments. A line that is not a date is skipped (and reported by the reader).
/// </summary>
public static class MourningDays
{
    public static byte[] Format(IEnumerable<DateOnly> dates) => Encoding.UTF8.GetBytes(string.Concat(
        ["# 全站置灰的日期（每行一个，年-月-日）\n",
            .. dates.Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n")]));

    public static (HashSet<DateOnly> Dates, List<string> Unreadable) Parse(ReadOnlySpan<byte> content)
    {
        var dates = new HashSet<DateOnly>();
        var unreadable = new List<string>();
        foreach (var raw in Encoding.UTF8.GetString(content).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var date))
                dates.Add(date);
            else unreadable.Add(line);
        }
        return (dates, unreadable);
    }
}

/// <summary>
/// <see cref="OutputLayout.SiteInfoFile"/>: which site an output belongs to and the host names it answers to, so
/// the public server can tell the sites apart without a database.
/// </summary>
public sealed record PublishedSite(string Code, string Name, string BaseUrl, IReadOnlyList<string> HostNames)
{
    /// <summary>暂停服务: the public server answers every request for the site with a notice instead of pages.</summary>
    public bool Suspended { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        WriteIndented = true,
    };

    /// <summary>The host names of a site: those it lists (comma separated) and its base address's.</summary>
    public static PublishedSite From(string code, string name, string baseUrl, string hostNames,
        bool suspended = false)
    {
        var hosts = hostNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.ToLowerInvariant()).ToList();
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)) hosts.Add(uri.Host.ToLowerInvariant());
        return new PublishedSite(code, name, baseUrl, hosts.Distinct().ToList()) { Suspended = suspended };
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static PublishedSite? Parse(ReadOnlySpan<byte> content)
    {
        try
        {
            return JsonSerializer.Deserialize<PublishedSite>(content, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool Answers(string host) => HostNames.Contains(host, StringComparer.OrdinalIgnoreCase);
}
