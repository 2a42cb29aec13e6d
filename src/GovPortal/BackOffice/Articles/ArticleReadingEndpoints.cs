using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Disclosure;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Content.Uploads;
using GovPortal.Data;
using GovPortal.Publishing;
using GovPortal.Publishing.Disclosure;
using GovPortal.Publishing.Rendering;
using GovPortal.Search;
using GovPortal.Theme;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Articles;

/// <summary>
/// Looking at articles without changing them: preview, differences between revisions, files, force-published list.
/// </summary>
public static class ArticleReadingEndpoints
{
    public static void MapArticleReading(this RouteGroupBuilder group)
    {
        group.MapGet("/articles/{id:int}/preview", PreviewAsync)
            .RequireAuthorization(BackOfficeServices.EditorialPolicy);
        group.MapGet("/articles/{id:int}/diff", DiffAsync).RequireAuthorization(BackOfficeServices.EditorialPolicy);
        group.MapGet("/files/{fileId:int}", DownloadAsync).RequireAuthorization(BackOfficeServices.EditorialPolicy);
        group.MapGet("/pictures/{name}", PictureAsync).RequireAuthorization(BackOfficeServices.EditorialPolicy);
        group.MapGet("/forced", ForcedAsync).RequireAuthorization(BackOfficeServices.EditorialPolicy);
        group.MapPost("/forced/{revisionId:int}/confirm", async (int revisionId, IFormCollection _, HttpContext context,
            BackOfficePages pages, ArticleWorkflow workflow) =>
        {
            var result = await workflow.ConfirmForcedAsync(
                await pages.StaffAsync(context), revisionId, context.RequestAborted);
            return result.Succeeded
                ? pages.RedirectWithNotice(context, "forced", result.Message)
                : ArticleEndpoints.Outcome(context, pages, result.ArticleId, result);
        }).RequireAuthorization(StaffRoles.Reviewer);
    }

    /// <summary>
    /// The revision in the public theme, for staff only: rendered on request, never written to the output. Its
    /// files link to the back office's own download address.
    /// </summary>
    private static async Task<IResult> PreviewAsync(int id, int? revision, HttpContext context, BackOfficePages pages,
        DatabaseOptions database, ArticleWorkflow workflow, RazorPageRenderer razor, ThemeAssets assets,
        UploadStore uploads, ContentKinds kinds)
    {
        var staff = await pages.StaffAsync(context);
        await using var db = database.CreateContext();
        if (await workflow.LoadAsync(db, id, context.RequestAborted) is not var (article, revisions))
            return await pages.MessageAsync(context, "找不到文章", "找不到这篇文章。", StatusCodes.Status404NotFound);
        var shown = revision is { } number
            ? revisions.FirstOrDefault(r => r.Id == number)
            : ArticleWorkflow.Current(revisions);
        if (shown is null)
            return await pages.MessageAsync(context, "找不到版本", "找不到这个版本。", StatusCodes.Status404NotFound,
                pages.Url($"articles/{id}"));
        if (!staff.Channels.Contains(shown.ChannelId))
            return await pages.MessageAsync(context, "没有权限", "这篇文章所在的栏目没有分配给您。", StatusCodes.Status403Forbidden);
        // The preview shows the article in its own site's frame.
        var siteCode = await db.Sites.Where(s => s.Id == article.SiteId).Select(s => s.Code)
            .FirstAsync(context.RequestAborted);
        var (site, tree) = await Publisher.LoadSiteAsync(db, siteCode, context.RequestAborted);
        // The 信息公开 facts and links as the revision names them (organisations, 现行文件, 政策原文).
        int[] linkedIds = [id, .. new[] { shown.Disclosure.ReplacedById, shown.Disclosure.PolicyId }.OfType<int>()];
        var disclosure = await DisclosureReader.DirectoryAsync(db, site.Id, linkedIds, context.RequestAborted);
        var renderer = new SiteRenderer(site, tree, new InMemoryListingSource(tree, []), razor, assets, uploads, kinds,
            disclosure);
        var pictures = SiteRenderer.PicturesShown(shown);
        var files = shown.Files.OrderBy(f => f.SortOrder)
            .Where(f => !pictures.Contains(ArticlePictures.NameOf(f.StoredName, f.Extension)))
            .Select(f => new AttachmentLink(f.DisplayName, pages.Url($"files/{f.Id}"), f.Extension.ToUpperInvariant(),
                SiteRenderer.FormatSize(f.SizeBytes)))
            .ToList();
        var banner = new PreviewBanner(
            $"预览：第 {shown.Number} 版（{RevisionStates.Label(shown.State)}）。此页面只有后台人员可见，不会写入公开网站。",
            pages.Url($"articles/{id}"));
        var html = await renderer.RenderArticlePreviewAsync(workflow.AsArticle(shown, article), files, banner,
            name => pages.Url($"pictures/{name}"));
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> DiffAsync(int id, int? from, int? to, HttpContext context, BackOfficePages pages,
        DatabaseOptions database, ArticleWorkflow workflow, ContentKinds kinds,
        DisclosureChoices choices)
    {
        var staff = await pages.StaffAsync(context);
        await using var db = database.CreateContext();
        if (await workflow.LoadAsync(db, id, context.RequestAborted) is not var (_, revisions))
            return await pages.MessageAsync(context, "找不到文章", "找不到这篇文章。", StatusCodes.Status404NotFound);
        if (!staff.Channels.Contains(ArticleWorkflow.Current(revisions).ChannelId))
            return await pages.MessageAsync(context, "没有权限", "这篇文章所在的栏目没有分配给您。", StatusCodes.Status403Forbidden);
        var newer = revisions.FirstOrDefault(r => r.Id == to) ?? revisions[^1];
        var older = revisions.FirstOrDefault(r => r.Id == from)
            ?? revisions.LastOrDefault(r => r.Number < newer.Number)
            ?? newer;
        var names = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, context.RequestAborted);
        var kind = kinds.Of(newer);
        // Choice fields are compared by what people chose (organisation names …), not by stored ids.
        var options = await choices.ForFormAsync(kind, newer.ChannelId, id, kind.ValuesOf(newer),
            context.RequestAborted);
        var (fields, bodies) = RevisionDiff.Of(kind, older, newer, c => names.GetValueOrDefault(c) ?? "",
            (field, value) => DisclosureChoices.Label(field, value, options));
        return await pages.RenderAsync<DiffPage, DiffPageModel>(new DiffPageModel(
            Shell: pages.ShellFor(context, "版本比较"), ArticleId: id, Title: newer.Title, From: older, To: newer,
            History: revisions, Fields: fields, Bodies: bodies));
    }

    /// <summary>
    /// A related file for staff (published or not), always as a download: never displayed inline, never sniffed.
    /// </summary>
    private static async Task<IResult> DownloadAsync(
        int fileId, HttpContext context, BackOfficePages pages, DatabaseOptions database, UploadStore uploads)
    {
        var staff = await pages.StaffAsync(context);
        await using var db = database.CreateContext();
        // Through its revision, so a file of another site's article is not found at all.
        var found = await db.RevisionFiles.AsNoTracking().Where(f => f.Id == fileId)
            .Join(db.Revisions, f => f.RevisionId, r => r.Id, (f, r) => new { File = f, r.ChannelId })
            .FirstOrDefaultAsync(context.RequestAborted);
        var (file, channelId) = (found?.File, found?.ChannelId ?? 0);
        if (file is null) return await pages.MessageAsync(context, "找不到文件", "找不到这个文件。", StatusCodes.Status404NotFound);
        if (!staff.Channels.Contains(channelId))
            return await pages.MessageAsync(context, "没有权限", "这个文件所在的栏目没有分配给您。", StatusCodes.Status403Forbidden);
        var path = uploads.PathOf(file.StoredName);
        if (!File.Exists(path))
            return await pages.MessageAsync(context, "找不到文件", $"文件“{file.DisplayName}”在上传目录中找不到，请重新上传。",
                StatusCodes.Status404NotFound);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(path, file.ContentType, fileDownloadName: file.DisplayName);
    }

    /// <summary>
    /// One of an article's pictures or videos shown inline to staff (in the editor and the preview), by its name.
    /// Only these are shown inline: a picture was decoded and encoded anew on upload, so its bytes are an image and
    /// nothing else; a video is an MP4 container sent as video/mp4 with nosniff, which a browser only plays.
    /// </summary>
    private static async Task<IResult> PictureAsync(string name, HttpContext context, BackOfficePages pages,
        DatabaseOptions database, UploadStore uploads)
    {
        var staff = await pages.StaffAsync(context);
        var video = ArticleVideos.IsVideoName(name);
        if (!ArticlePictures.IsPictureName(name) && !video)
            return await pages.MessageAsync(context, "找不到图片", "找不到这张图片。", StatusCodes.Status404NotFound);
        var (storedName, extension) = (name[..32], name[33..]);
        await using var db = database.CreateContext();
        var channels = staff.Channels.ToList();
        var file = await db.RevisionFiles.AsNoTracking()
            .Where(f => f.StoredName == storedName && f.Extension == extension && (f.Width > 0 || video))
            .Join(db.Revisions, f => f.RevisionId, r => r.Id, (f, r) => new { f.ContentType, r.ChannelId })
            .FirstOrDefaultAsync(f => channels.Contains(f.ChannelId), context.RequestAborted);
        var path = uploads.PathOf(storedName);
        if (file is null || !File.Exists(path))
            return await pages.MessageAsync(context, "找不到图片", "找不到这个文件，或它所在的栏目没有分配给您。",
                StatusCodes.Status404NotFound);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, max-age=3600";
        // A video is played in parts (seeking asks for byte ranges).
        return Results.File(path, file.ContentType, enableRangeProcessing: video);
    }

    private static async Task<IResult> ForcedAsync(HttpContext context, BackOfficePages pages, DatabaseOptions database)
    {
        var staff = await pages.StaffAsync(context);
        await using var db = database.CreateContext();
        var channels = staff.Channels.ToList();
        var names = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, context.RequestAborted);
        var forced = await db.Revisions.AsNoTracking()
            .Where(r => r.ForcedReason != "" && channels.Contains(r.ChannelId))
            .Select(r => new
            {
                r.Id, r.ArticleId, r.Title, r.ChannelId, r.PublishedBy, r.PublishedAtUtc, r.ForcedReason,
                r.ForcedReviewedBy,
            })
            .ToListAsync(context.RequestAborted);
        var people = await StaffNames.LoadAsync(db, context.RequestAborted);
        var rows = forced.OrderBy(r => r.ForcedReviewedBy.Length > 0).ThenByDescending(r => r.PublishedAtUtc)
            .Select(r => new ForcedRow(r.Id, r.ArticleId, r.Title, names[r.ChannelId], people.Of(r.PublishedBy),
                r.PublishedAtUtc, r.ForcedReason, people.Of(r.ForcedReviewedBy),
                r.ForcedReviewedBy.Length == 0 && staff.Can(StaffRoles.Reviewer, r.ChannelId)
                    && !string.Equals(r.PublishedBy, staff.UserName, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return await pages.RenderAsync<ForcedPage, ForcedPageModel>(
            new ForcedPageModel(Shell: pages.ShellFor(context, "紧急发布事后审核"), Rows: rows));
    }
}
