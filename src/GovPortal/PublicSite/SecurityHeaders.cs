using Microsoft.Extensions.Primitives;

namespace GovPortal.PublicSite;

/// <summary>Headers every public response carries: a strict content security policy and no sniffing.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private static readonly StringValues Policy = ContentSecurityPolicy;
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues SameOrigin = "SAMEORIGIN";
    private static readonly StringValues Referrer = "strict-origin-when-cross-origin";
    private static readonly StringValues Hsts = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        Apply(context.Response.Headers);
        // Reached over HTTPS (directly, or through a trusted proxy saying so): browsers keep to HTTPS for a year.
        if (context.Request.IsHttps) context.Response.Headers.StrictTransportSecurity = Hsts;
        return next(context);
    });

    /// <summary>Sets the headers; also called by the error page, since handling an error clears the response.</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = NoSniff;
        headers.XFrameOptions = SameOrigin;
        headers["Referrer-Policy"] = Referrer;
    }
}
