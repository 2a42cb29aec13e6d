namespace GovPortal.Safety.Health;

/// <summary>
/// Indicators a feature adds to the health report (依申请公开 overdue applications, a missing working-day calendar…),
/// registered in the container and asked by <see cref="HealthChecker"/> on every check.
/// </summary>
public interface IHealthProblemSource
{
    /// <summary>The indicators this source checks, as the report lists them.</summary>
    IReadOnlyList<string> Indicators { get; }

    /// <param name="siteCode">The site checked: every site of the platform has its own report.</param>
    Task<IReadOnlyList<HealthProblem>> ProblemsAsync(string siteCode, DateTime nowUtc,
        CancellationToken cancellationToken);
}
