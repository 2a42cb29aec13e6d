using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Files;
using GovPortal.BackOffice.Settings;
using GovPortal.Tests.Support;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// A site with its own 主题配色, 标志 and 政务新媒体 still passes axe in every form (the white navigation text on each
/// scheme, the 标志 beside the name). The demo's look is restored at the end, so other tests see the demo.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class SiteLookBrowserTests(BrowserFixture fixture)
{
    private static readonly Staff Administrator =
        new("sysadmin", "sysadmin", new HashSet<string> { StaffRoles.Administrator }, new HashSet<int>(), "192.0.2.7");

    [Theory]
    [InlineData("blue")]
    [InlineData("green")]
    public async Task A_site_in_another_scheme_with_its_logo_and_new_media_passes_axe(string theme)
    {
        var settings = fixture.Portal.Service<SiteSettingsAdministration>();
        var demo = await settings.SiteFactsAsync();
        var look = new Dictionary<string, string>(demo)
        {
            ["themeColour"] = theme, ["newMedia"] = "微信公众号｜相城发布\n政务微博｜相城发布｜https://weibo.com/xcfb",
        };
        Assert.True((await settings.SetSiteFactsAsync(Administrator, look)).Result.Succeeded);
        var logo = new PictureUpload("标志.jpg", SolidPicture.Jpeg(320, 80, SkiaSharp.SKColors.Firebrick));
        Assert.True((await settings.SetLogoAsync(Administrator, logo, remove: false)).Succeeded);
        try
        {
            foreach (var path in new[] { "/", "/elder/", "/zh-hant/xwzx/xcyw/" })
            {
                var page = await fixture.OpenAsync(path);
                try
                {
                    await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
                    await Assertions.Expect(page.Locator(".site-logo")).ToBeVisibleAsync();
                    await Axe.AssertNoViolationsAsync(page);
                }
                finally
                {
                    await page.Context.CloseAsync();
                }
            }
        }
        finally
        {
            Assert.True((await settings.SetSiteFactsAsync(Administrator, demo)).Result.Succeeded);
            Assert.True((await settings.SetLogoAsync(Administrator, null, remove: true)).Succeeded);
        }
    }
}
