using System.Text.Json;
using GovPortal.Storage;

namespace GovPortal.Safety.Tamper;

/// <summary>
/// Raises tamper alerts: an Error in the log, a line in the append-only events file (for the health report and
/// the inspectors), and a short in-memory list of recent events.
/// </summary>
public sealed class TamperAlerts(PortalPaths paths, TimeProvider time, ILogger<TamperAlerts> logger)
{
    private const int RecentLimit = 1000;
    private readonly Lock _lock = new();
    private readonly LinkedList<TamperEvent> _recent = new();

    public IReadOnlyList<TamperEvent> Recent
    {
        get { lock (_lock) return [.. _recent]; }
    }

    /// <summary>After an event is recorded: the back office copies it into the audit log.</summary>
    public event Action<TamperEvent>? Raised;

    public void Raise(TamperKind kind, string path, string detail, string site = "")
    {
        var tamperEvent = new TamperEvent(time.GetUtcNow().UtcDateTime, kind, path, detail, site);
        logger.LogError("网页防篡改：网站 {Site} {Kind} {Path}：{Detail}", site, kind, path, detail);
        var line = JsonSerializer.Serialize(tamperEvent, JsonOptions) + "\n";
        lock (_lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(paths.TamperEventsFile)!);
            File.AppendAllText(paths.TamperEventsFile, line);
            _recent.AddLast(tamperEvent);
            if (_recent.Count > RecentLimit) _recent.RemoveFirst();
        }
        Raised?.Invoke(tamperEvent);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
