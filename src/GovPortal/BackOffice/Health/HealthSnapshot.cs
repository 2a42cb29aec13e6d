namespace GovPortal.BackOffice.Health;

/// <summary>One run of the health check, kept for the dashboard's trend and the CSV of that day.</summary>
public sealed class HealthSnapshot
{
    public long Id { get; set; }

    /// <summary>The site checked.</summary>
    public int SiteId { get; set; }
    public DateTime CheckedAtUtc { get; set; }
    public int Problems { get; set; }
    public int SingleVetoProblems { get; set; }

    /// <summary>The report itself (<see cref="Safety.Health.HealthReport"/> as JSON).</summary>
    public string ReportJson { get; set; } = "";
}
