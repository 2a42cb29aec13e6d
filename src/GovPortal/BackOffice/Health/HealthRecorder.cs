using System.Text.Json;
using GovPortal.Data;
using GovPortal.Safety.Health;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Health;

/// <summary>
/// Runs the health check of the current site (one at a time) and keeps each report for that site's dashboard.
/// </summary>
public sealed class HealthRecorder(ISiteHealthCheckers checkers, DatabaseOptions database)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Runs a check after the one under way, if any (the daily check).</summary>
    public async Task<HealthReport> RunAsync(CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        return await RunHeldAsync(cancellationToken);
    }

    /// <summary>Runs a check now, or returns null when one is already under way.</summary>
    public async Task<HealthReport?> TryRunAsync(CancellationToken cancellationToken = default) =>
        await _oneAtATime.WaitAsync(TimeSpan.Zero, cancellationToken) ? await RunHeldAsync(cancellationToken) : null;

    private async Task<HealthReport> RunHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = database.CreateContext();
            var siteId = await db.CurrentSiteIdAsync(cancellationToken);
            var code = await db.Sites.Where(s => s.Id == siteId).Select(s => s.Code).FirstAsync(cancellationToken);
            var report = await checkers.For(code).CheckAsync(cancellationToken: cancellationToken);
            db.HealthSnapshots.Add(new HealthSnapshot
            {
                SiteId = siteId, CheckedAtUtc = report.CheckedAtUtc, Problems = report.Problems.Count,
                SingleVetoProblems = report.Problems.Count(p => p.SingleVeto),
                ReportJson = JsonSerializer.Serialize(report),
            });
            await db.SaveChangesAsync(cancellationToken);
            return report;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async Task<HealthReport?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var json = await db.HealthSnapshots.OrderByDescending(s => s.Id).Select(s => s.ReportJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<HealthReport>(json);
    }

    /// <summary>The newest <paramref name="count"/> runs, oldest first, without their reports.</summary>
    public async Task<List<(DateTime At, int Problems, int SingleVeto)>> TrendAsync(int count,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var rows = await db.HealthSnapshots.OrderByDescending(s => s.Id).Take(count)
            .Select(s => new { s.CheckedAtUtc, s.Problems, s.SingleVetoProblems }).ToListAsync(cancellationToken);
        return rows.AsEnumerable().Reverse().Select(r => (r.CheckedAtUtc, r.Problems, r.SingleVetoProblems)).ToList();
    }
}
