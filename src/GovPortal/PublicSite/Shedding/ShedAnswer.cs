using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace GovPortal.PublicSite.Shedding;

/// <summary>
/// The answer to a shed request: 503 with Retry-After and a few lines in Chinese, written without the site's frame
/// (rendering it is the very work being refused). The published pages stay available, and the page says so.
/// </summary>
public static class ShedAnswer
{
    public const string Title = "网站访问繁忙";

    public static string Message(DynamicRequestLimits limits) =>
        $"当前访问人数较多，请 {limits.RetryAfter} 秒后再试。已发布的页面可以正常浏览。";

    /// <summary>For a post of a citizen's form: what happened to what was typed.</summary>
    public static string FormMessage(DynamicRequestLimits limits) =>
        $"当前访问人数较多，您填写的内容没有提交。请返回上一页，{limits.RetryAfter} 秒后再提交一次。";

    private static readonly JsonSerializerOptions Json =
        new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async Task WriteAsync(HttpContext context, DynamicRequestLimits limits)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = limits.RetryAfter;
        response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await response.WriteAsJsonAsync(new { error = Message(limits) }, Json, context.RequestAborted);
            return;
        }
        var message = HttpMethods.IsPost(context.Request.Method) ? FormMessage(limits) : Message(limits);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Title}</title></head>
            <body><main><h1>{Title}</h1><p>{message}</p><p><a href="/">返回首页</a></p></main></body>
            </html>
            """, context.RequestAborted);
    }
}
