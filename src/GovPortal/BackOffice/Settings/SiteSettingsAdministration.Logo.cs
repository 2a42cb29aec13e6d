using GovPortal.Publishing;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Files;
using GovPortal.Content.Uploads;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Settings;

// 网站标志: the picture shown before the site's name in every header. Re-encoded like every upload (EXIF gone); the
// name beside it says what it is, so it carries no 替代文字 of its own. A change republishes the whole site.
public sealed partial class SiteSettingsAdministration
{
    /// <summary>The tallest a 标志 is shown; a taller picture is scaled by the page, not refused.</summary>
    public const int LogoShownHeight = 64;

    /// <param name="upload">The new picture, or null to keep (or, with <paramref name="remove"/>, drop) the
    /// current one.</param>
    public async Task<BackOfficeResult> SetLogoAsync(Staff actor, PictureUpload? upload, bool remove,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        if (upload is { TooLarge: true }) return BackOfficeResult.Refused(upload.TooLargeMessage("网站标志"));
        AcceptedUpload? picture = null;
        if (upload is not null)
        {
            var (kept, error) = UploadRules.Accept(upload.FileName, upload.Content);
            if (kept is null) return BackOfficeResult.Refused("网站标志未保存：" + error);
            if (kept.Width == 0) return BackOfficeResult.Refused("网站标志须是 jpg、png 或 gif 图片。网站标志未保存。");
            picture = kept;
        }
        await using var db = database.CreateContext();
        var site = await db.Sites.SingleAsync(s => s.Code == SiteCode, cancellationToken);
        var old = site.LogoImage;
        string change;
        if (picture is not null)
        {
            var stored = uploads.Save(picture.Content);
            site.LogoImage = ArticlePictures.NameOf(stored, picture.Extension);
            (site.LogoWidth, site.LogoHeight) = (picture.Width, picture.Height);
            change = $"上传网站标志“{picture.DisplayName}”（{picture.Width}×{picture.Height}）";
        }
        else if (remove && old.Length > 0)
        {
            (site.LogoImage, site.LogoWidth, site.LogoHeight) = ("", 0, 0);
            change = "删除网站标志";
        }
        else return BackOfficeResult.Done("没有选择新的网站标志，网站没有变化。");

        // Saved, then published: a stop in between leaves the marker, and the next start publishes the whole site.
        using var pending = publishers.Current().BeginChange();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch when (picture is not null)
        {
            uploads.Delete(Path.GetFileNameWithoutExtension(site.LogoImage)); // no row names it
            throw;
        }
        pending.Saved();
        // The published copy stays with the pages that show it until they are made again; the kept original goes.
        if (old.Length > 0) uploads.Delete(Path.GetFileNameWithoutExtension(old));
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SettingsChanged, "网站标志", change,
            cancellationToken);
        var result = await publishers.Current().PublishAllAsync(cancellationToken);
        pending.Published();
        var failed = result.Failures.Count > 0
            ? $"其中 {result.Failures.Count} 个页面未能生成（保留上次发布的版本），详见运行日志。" : "";
        return BackOfficeResult.Done(
            $"已{(picture is null ? "删除" : "更新")}网站标志，并重新发布了全站 {result.Pages} 个页面。" + failed);
    }

    /// <summary>The current 标志, or null when the site has none.</summary>
    public async Task<LogoView?> LogoAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Code == SiteCode, cancellationToken);
        return site.LogoImage.Length == 0 ? null
            : new LogoView(ArticlePictures.Address(site.LogoImage), site.LogoWidth, site.LogoHeight);
    }
}
