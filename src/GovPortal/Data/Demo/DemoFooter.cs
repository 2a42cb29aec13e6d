using GovPortal.Content;

namespace GovPortal.Data.Demo;

/// <summary>
/// The facts a demo site shows in its footer, as the rules require of a government site: 主办单位, 承办单位, 网站标识码,
/// ICP备案号, 公安机关备案号, 党政机关网站标识 and how to reach it. The registry numbers are made up but in the form the
/// 网站信息 form accepts, and differ from site to site, so that a page showing another site's facts is seen at once.
/// </summary>
public sealed record DemoFooter(string Sponsor, string Organizer, string SiteCode, string IcpNumber,
    string PublicSecurityNumber, string ConacId, string Phone, string Address, string Email)
{
    /// <summary>Where 用户登录 leads on every demo site: the province's identity service, one for all its sites.</summary>
    public const string UserLoginUrl = "https://www.jszwfw.gov.cn/";

    public void ApplyTo(Site site)
    {
        site.Sponsor = Sponsor;
        site.Organizer = Organizer;
        site.SiteCode = SiteCode;
        site.IcpNumber = IcpNumber;
        site.PublicSecurityNumber = PublicSecurityNumber;
        site.ConacId = ConacId;
        site.ContactPhone = Phone;
        site.ContactAddress = Address;
        site.ContactEmail = Email;
        site.UserLoginUrl = UserLoginUrl;
    }
}
