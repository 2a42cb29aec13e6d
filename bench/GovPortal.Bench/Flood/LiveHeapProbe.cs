using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GovPortal.Bench.Flood;

/// <summary>
/// The portal's live managed heap at a moment: <c>dotnet-gcdump collect</c> forces a full collection and walks what
/// is still reachable, which the heap size after an ordinary (often gen0) collection cannot tell. Taken between
/// phases, since the walk pauses the portal for a few seconds.
/// </summary>
public static partial class LiveHeapProbe
{
    public sealed record Reading(string Moment, DateTime At, long HeapBytes);

    /// <summary>The reading, or null when the dump could not be taken (the tool missing, the process gone).</summary>
    public static async Task<Reading?> TakeAsync(int processId, string moment, string folder)
    {
        var file = Path.Combine(folder, moment + ".gcdump");
        var at = DateTime.UtcNow;
        // Twice: objects with finalizers (file handles, weak tables) outlive the first collection until their
        // finalizers have run; the second dump no longer counts what only waited for them.
        for (var pass = 0; pass < 2; pass++)
        {
            File.Delete(file);
            if (await RunAsync($"dotnet-gcdump collect --process-id {processId} --output {file}") is null
                || !File.Exists(file))
                return null;
        }
        var report = await RunAsync($"dotnet-gcdump report {file}");
        File.Delete(file);
        var match = report is null ? Match.Empty : HeapLine().Match(report);
        return match.Success
            ? new Reading(moment, at, long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands,
                CultureInfo.InvariantCulture))
            : null;
    }

    private static async Task<string?> RunAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start);
        if (process is null) return null;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return null;
        }
        return process.ExitCode == 0 ? await output : null;
    }

    [GeneratedRegex(@"^\s*([\d,]+)\s+GC Heap bytes", RegexOptions.Multiline)]
    private static partial Regex HeapLine();
}
