using System.Diagnostics.Metrics;

namespace GovPortal.PublicSite;

/// <summary>
/// The size of the in-memory copy of published files as metrics (meter <see cref="MeterName"/>), for
/// <c>dotnet-counters</c> and any OpenTelemetry exporter: the cache grows to its budget as more pages are read, so
/// the managed heap can be judged for leaks only next to it.
/// </summary>
public static class ServedFileCacheMetrics
{
    public const string MeterName = "GovPortal.PublicSite";
    public const string BytesInstrument = "govportal.served_file_cache.size";
    public const string FilesInstrument = "govportal.served_file_cache.files";

    public static void Register(IMeterFactory meters, ServedFileCache cache)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(BytesInstrument, () => cache.Bytes, "By",
            "Bytes of published files held in memory to be served");
        meter.CreateObservableGauge(FilesInstrument, () => cache.Count, "{file}",
            "Published files and page forms held in memory to be served");
    }
}
