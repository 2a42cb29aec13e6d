using Microsoft.Net.Http.Headers;

namespace GovPortal.PublicSite;

/// <summary>What part of a file a request asks for.</summary>
public enum RangeOutcome { Whole, Part, Unsatisfiable }

/// <summary>
/// One byte range of a published file (RFC 9110 §14): a video in an article is played and sought in parts, and
/// Safari on iPhone plays none that is not served this way. Only one range is answered; a request for several, an
/// unknown unit, or an If-Range that no longer matches gets the whole file, as the standard allows.
/// </summary>
public static class ByteRanges
{
    public static (RangeOutcome Outcome, long Start, long Length) Choose(HttpRequest request, ServedFile file)
    {
        long length = file.Content.Length;
        var whole = (RangeOutcome.Whole, 0L, length);
        if (request.Headers.Range.Count != 1
            || !RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var header)
            || !string.Equals(header.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)
            || header.Ranges.Count != 1
            || !StillTheSameFile(request, file))
            return whole;
        var range = header.Ranges.First();
        long start, end;
        if (range.From is not { } from)
        {
            // "bytes=-500": the last 500 bytes.
            if (range.To is not { } suffix || suffix == 0 || length == 0) return (RangeOutcome.Unsatisfiable, 0, 0);
            start = Math.Max(0, length - suffix);
            end = length - 1;
        }
        else
        {
            if (from >= length) return (RangeOutcome.Unsatisfiable, 0, 0);
            start = from;
            end = Math.Min(range.To ?? length - 1, length - 1);
        }
        return (RangeOutcome.Part, start, end - start + 1);
    }

    /// <summary>An If-Range names the version the client holds part of; another version is sent whole.</summary>
    private static bool StillTheSameFile(HttpRequest request, ServedFile file)
    {
        if (request.Headers.IfRange.Count == 0) return true;
        var ifRange = request.GetTypedHeaders().IfRange;
        if (ifRange?.EntityTag is { } tag) return tag.Compare(file.ETag, useStrongComparison: true);
        if (ifRange?.LastModified is { } since)
        {
            var modified = file.ModifiedUtc.Ticks - file.ModifiedUtc.Ticks % TimeSpan.TicksPerSecond;
            // A date validator matches only exactly (RFC 9110 §13.1.5).
            return new DateTimeOffset(modified, TimeSpan.Zero) == since;
        }
        return false;
    }
}
