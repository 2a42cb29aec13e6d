using GovPortal.BackOffice.Settings;
using GovPortal.Content;

namespace GovPortal.Hosting;

/// <summary>
/// The empty site <c>init</c> makes: a name, the domain it is reached at and its 主办单位. No channels, no articles,
/// no demo: the web team builds the rest in the back office (栏目, 设置 → 网站信息).
/// </summary>
public sealed record NewSite(string Name, string Domain, string Organisation)
{
    /// <summary>The site's address: https:// and the domain, unless the domain was given as an address.</summary>
    public string BaseUrl => Domain.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || Domain.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? Domain.TrimEnd('/') : "https://" + Domain.TrimEnd('/');

    public string HostName => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : Domain;

    /// <returns>What is wrong (in Chinese, naming the option), or null; the 网站信息 form's own rules.</returns>
    public string? Problem()
    {
        var values = SiteFacts.All.ToDictionary(f => f.Name, f => f.Name switch
        {
            "name" => Name, "baseUrl" => BaseUrl, "hostNames" => HostName, "sponsor" => Organisation, _ => "",
        }, StringComparer.Ordinal);
        if (SiteFacts.Problem(values) is not { } problem) return null;
        var option = problem.Field switch { "name" => "--name", "sponsor" => "--organisation", _ => "--domain" };
        return $"{option}：{problem.Message}";
    }

    public Site ToSite() => new()
    {
        Code = Publishing.Output.OutputLayout.FirstSiteCode, Name = Name, BaseUrl = BaseUrl, HostNames = HostName,
        Sponsor = Organisation,
    };
}
