using Microsoft.AspNetCore.Http.Features;

namespace GovPortal.BackOffice;

/// <summary>
/// How large a request the back office reads. Nothing is read before the server knows who is asking: someone not
/// signed in can post only the small sign-in forms, a signed-in person ordinary forms, and only the endpoints marked
/// with <see cref="AcceptsUploads{TBuilder}"/> take files, and only from someone signed in. A request that says it
/// is larger is answered at once, without its body being read.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>The sign-in and second-step forms, all that someone not signed in can post.</summary>
    public const long SignInForm = 16 * 1024;

    /// <summary>Every other back-office form (the longest, the word lists, is well under it).</summary>
    public const long Form = 1024 * 1024;

    /// <summary>A save with several attachments of up to 50 MB each and a long body.</summary>
    public const long Upload = 210L * 1024 * 1024;

    /// <summary>The longest value of a form: an article body of 2,000,000 Chinese characters is 6 MB.</summary>
    public const int FormValueLength = 8 * 1024 * 1024;

    /// <summary>More fields than any form has (the annual report's tables are the most).</summary>
    public const int FormValueCount = 1024;

    /// <summary>Marks an endpoint that takes attachments: its limit is <see cref="Upload"/> once signed in.</summary>
    public static TBuilder AcceptsUploads<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new UploadEndpoint());

    /// <summary>
    /// After authorization, before the antiforgery check (which reads the form): sets the request's limit from who
    /// is asking and where, and refuses a declared length over it without reading anything.
    /// </summary>
    public static void UseRequestSizeLimits(this WebApplication app, BackOfficeOptions options)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(options.Path, StringComparison.OrdinalIgnoreCase)
                || context.Features.Get<IHttpMaxRequestBodySizeFeature>() is not { IsReadOnly: false } feature)
            {
                await next(context);
                return;
            }
            var limit = LimitFor(context);
            feature.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit)
            {
                // The body stays unread; closing the connection spares the server from draining it.
                context.Response.Headers.Connection = "close";
                await TooLargeAsync(context, limit);
                return;
            }
            await next(context);
        });
    }

    /// <summary>The page for a request over its limit, also when that shows only while its body is read.</summary>
    public static async Task TooLargeAsync(HttpContext context, long limit)
    {
        var pages = context.RequestServices.GetRequiredService<BackOfficePages>();
        var result = await pages.MessageAsync(context, "提交的内容过大",
            $"提交的内容超过了此处允许的 {Describe(limit)}，操作没有执行。请返回上一页，减少内容后重试；"
            + "附件请在登录后从编辑页面上传（每个文件不超过 50 MB）。",
            StatusCodes.Status413PayloadTooLarge);
        await result.ExecuteAsync(context);
    }

    /// <summary>The limit in force for this request (what <see cref="UseRequestSizeLimits"/> set).</summary>
    public static long LimitFor(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true ? SignInForm
        : context.GetEndpoint()?.Metadata.GetMetadata<UploadEndpoint>() is not null ? Upload
        : Form;

    private static string Describe(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024} KB";

    /// <summary>Endpoint metadata: this endpoint takes attachments.</summary>
    public sealed class UploadEndpoint;
}
