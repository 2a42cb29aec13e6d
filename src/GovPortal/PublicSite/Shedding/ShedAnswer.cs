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
        $"当前访问人数较多，您填写的内容没有提交，但已保留在本页：请 {limits.RetryAfter} 秒后点击“重新提交”。";

    /// <summary>Said when the refused post carried files, which a page cannot hand back.</summary>
    public const string FilesMessage = "您选择的附件没有保留，重新提交后请在表格中再选择一次。";

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
        var kept = HttpMethods.IsPost(context.Request.Method) ? await KeptFormAsync(context) : "";
        var message = kept.Length > 0 ? FormMessage(limits) : Message(limits);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Title}</title></head>
            <body><main><h1>{Title}</h1><p>{message}</p>{kept}<p><a href="/">返回首页</a></p></main></body>
            </html>
            """, context.RequestAborted);
    }

    /// <summary>
    /// What a citizen typed into a refused form, handed back in a form that posts it again to the same address (with
    /// the same antiforgery token), so nothing typed is lost to a busy moment. Empty when the post holds no readable
    /// form; every name and value is encoded, and the body was already held to the public forms' size limits.
    /// </summary>
    private static async Task<string> KeptFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType) return "";
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return "";
        }
        var html = HtmlEncoder.Create(UnicodeRanges.All);
        var fields = new System.Text.StringBuilder();
        foreach (var (name, values) in form)
            foreach (var value in values)
                fields.Append(
                    $"""<input type="hidden" name="{html.Encode(name)}" value="{html.Encode(value ?? "")}">""");
        var files = form.Files.Count > 0 ? $"<p>{FilesMessage}</p>" : "";
        var action = html.Encode(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
        return $"""
            {files}<form method="post" action="{action}">{fields}<button type="submit">重新提交</button></form>
            """;
    }
}
