using System.Net;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Hosting;

/// <summary>
/// The log file holds what the portal reports, under the same filters as the console: never a line per request or
/// connection, which would cost more than serving the page and fill the disk on a busy day.
/// </summary>
public sealed class LogFileTests
{
    [Fact]
    public async Task Serving_pages_writes_no_line_per_request_and_the_start_is_there()
    {
        // A folder of its own, so that the first publish happens in this portal and is in its log.
        using var folder = new TempDirectory();
        await using var portal = await RunningPortal.StartAsync(dataDirectory: folder.Path);
        for (var i = 0; i < 20; i++)
        {
            using var client = new HttpClient { BaseAddress = portal.Address };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/no/such/page{i}.html")).StatusCode);
        }
        await portal.StopAsync();

        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(portal.Settings.Paths.LogsDirectory))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line) lines.Add(line);
        }
        // What the portal itself reports at start is there…
        Assert.Contains(lines, l => l.Contains("GovPortal.Publishing.Publisher", StringComparison.Ordinal));
        // …and nothing of the framework below a warning: no request, connection or host-filter lines.
        Assert.DoesNotContain(lines, l => l.Contains("] Microsoft.AspNetCore", StringComparison.Ordinal)
            && (l.Contains("[INF]", StringComparison.Ordinal) || l.Contains("[DBG]", StringComparison.Ordinal)
                || l.Contains("[VRB]", StringComparison.Ordinal)));
        Assert.True(lines.Count < 200, $"{lines.Count} lines for 40 requests");
    }
}
