namespace GovPortal.Content;

/// <summary>The portal itself: its name, where it is reached, and the facts its footer must show by law.</summary>
public sealed class Site
{
    public int Id { get; set; }

    /// <summary>
    /// Short Latin name that never changes, e.g. "main": names the site's output folder and is how commands and
    /// other machines refer to it.
    /// </summary>
    public string Code { get; set; } = "main";

    public required string Name { get; set; }

    /// <summary>Absolute base address used in QR codes, feeds and sitemaps, e.g. https://www.szxc.gov.cn.</summary>
    public required string BaseUrl { get; set; }

    /// <summary>Host names the portal answers to, comma separated.</summary>
    public string HostNames { get; set; } = "";

    /// <summary>
    /// 暂停: set by the 平台管理员. The public server answers the site's hosts with a notice that it is paused, and its
    /// staff cannot sign in; nothing is deleted, and resuming brings the site back as it was.
    /// </summary>
    public bool Suspended { get; set; }

    public string Sponsor { get; set; } = "";              // 主办单位
    public string Organizer { get; set; } = "";            // 承办单位
    public string SiteCode { get; set; } = "";             // 政府网站标识码
    public string IcpNumber { get; set; } = "";            // ICP备案号
    public string PublicSecurityNumber { get; set; } = ""; // 公网安备案号

    /// <summary>
    /// 党政机关网站标识: the id of the site's 开办单位 page at bszs.conac.cn (the 中国机构编制网), which the footer's
    /// 党政机关 mark links to; "" until the site has one.
    /// </summary>
    public string ConacId { get; set; } = "";

    public string ContactPhone { get; set; } = "";
    public string ContactAddress { get; set; } = "";
    public string ContactEmail { get; set; } = "";

    /// <summary>Where 用户登录 leads: the province's unified identity service for citizens.</summary>
    public string UserLoginUrl { get; set; } = "";

    /// <summary>主题配色: one of <see cref="SiteLook.Themes"/>; "" is the theme's own.</summary>
    public string ThemeColour { get; set; } = "";

    /// <summary>
    /// The site's 标志 (logo) shown before its name in the header, by its published name (<c>{stored}.{ext}</c>), or
    /// "" for none. Re-encoded on upload like every picture.
    /// </summary>
    public string LogoImage { get; set; } = "";

    public int LogoWidth { get; set; }
    public int LogoHeight { get; set; }

    /// <summary>政务新媒体, one account per line (<see cref="NewMediaAccounts"/>).</summary>
    public string NewMediaAccounts { get; set; } = "";

    /// <summary>
    /// The home page's blocks as published (<see cref="Content.HomeLayout"/>, JSON); "" until staff first publish
    /// one, which shows the default.
    /// </summary>
    public string HomeLayout { get; set; } = "";

    /// <summary>The blocks staff are changing and previewing, not yet published; "" when there is no draft.</summary>
    public string HomeLayoutDraft { get; set; } = "";

    /// <summary>
    /// How 信息公开 documents' 索引号 are made (<see cref="Disclosure.IndexNumberPattern"/>); changed on the 信息公开
    /// settings page.
    /// </summary>
    public string IndexNumberPattern { get; set; } = Disclosure.IndexNumberPattern.Default;
}
