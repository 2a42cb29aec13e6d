using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Hosting.Doctor;

/// <summary>
/// Each site's address (used in QR codes, feeds and the sitemap) and the host names the public server picks it by:
/// a name that is no host name would leave the site unreachable or its links broken.
/// </summary>
public static class SiteAddressDoctor
{
    private const string Subject = "站点地址";

    /// <summary>Reads the sites of a database whose schema is current.</summary>
    public static async Task<IReadOnlyList<DoctorFinding>> CheckAsync(GovPortalDbContext db,
        CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new { s.Code, s.Name, s.BaseUrl, s.HostNames }).ToListAsync(cancellationToken);
        return sites.Select(site =>
        {
            var problems = new List<string>();
            if (!Uri.TryCreate(site.BaseUrl, UriKind.Absolute, out var address)
                || address.Scheme is not ("http" or "https") || !IsHostName(address.Host))
                problems.Add($"网站地址“{site.BaseUrl}”不是 http:// 或 https:// 开头的完整地址");
            var hosts = site.HostNames.Split(',',
                StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            problems.AddRange(hosts.Where(host => !IsHostName(host)).Select(host => $"“{host}”不是合法的域名或 IP 地址"));
            if (hosts.Length == 0) problems.Add("没有设置域名，公众访问服务无法按域名找到它");
            return problems.Count == 0
                ? DoctorFinding.Pass(Subject, $"{site.Name}（{site.Code}）：{site.BaseUrl}，域名 {string.Join("、", hosts)}")
                : DoctorFinding.Fail(Subject, $"{site.Name}（{site.Code}）：{string.Join("；", problems)}");
        }).ToList();
    }

    private static bool IsHostName(string host) => Uri.CheckHostName(host) is not UriHostNameType.Unknown;
}
