namespace GovPortal.Safety.Health;

/// <summary>The health check of each site of the platform (each checks its own output and content).</summary>
public interface ISiteHealthCheckers
{
    HealthChecker For(string siteCode);
}
