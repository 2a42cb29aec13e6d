using System.Runtime;

namespace GovPortal.Publishing;

/// <summary>
/// While a full publish runs, the collector works in batch mode: full collections block and compact instead of
/// running in the background. A full publish keeps its manifest in memory while each page's short-lived buffers die
/// around it; background collections never compact, and the holes they leave grew the process to 1.6-1.8 GB at
/// 200,000 articles, against 1.07 GB with blocking collections at the same speed (docs/benchmarks.md, "Scale").
/// Outside a full publish the portal keeps background collections, so a collection of a large heap never pauses
/// the pages it serves. Nested and concurrent full publishes (several sites) share one batch period.
/// </summary>
public static class ThroughputCollection
{
    private static readonly Lock Gate = new();
    private static int _holders;
    private static GCLatencyMode _before;

    public static IDisposable Begin()
    {
        lock (Gate)
        {
            if (_holders++ == 0)
            {
                _before = GCSettings.LatencyMode;
                // Only from the ordinary mode: a mode someone chose on purpose (low latency) is left alone.
                if (_before == GCLatencyMode.Interactive) GCSettings.LatencyMode = GCLatencyMode.Batch;
            }
        }
        return new Period();
    }

    private sealed class Period : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 1) return;
            lock (Gate)
                if (--_holders == 0 && GCSettings.LatencyMode == GCLatencyMode.Batch)
                    GCSettings.LatencyMode = _before;
        }
    }
}
