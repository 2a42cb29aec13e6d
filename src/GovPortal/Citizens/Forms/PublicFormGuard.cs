using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using GovPortal.Data;
using Microsoft.AspNetCore.Http.Features;

namespace GovPortal.Citizens.Forms;

/// <summary>Why a public form post was not taken; <see cref="None"/> when it may be handled.</summary>
public enum FormRefusal
{
    None,

    /// <summary>Larger than <see cref="PublicFormLimits.MaxBodyBytes"/>, or not a form: nothing was read.</summary>
    TooLarge,

    /// <summary>The form token is missing, expired or belongs to another browser or form (antiforgery).</summary>
    BadToken,

    /// <summary>Too many posts from this client in the window.</summary>
    TooMany,

    /// <summary>The hidden field only a program fills was filled: answered as if taken, and nothing is kept.</summary>
    Honeypot,
}

/// <summary>A public form post as the guard read it, with the reason it may not be handled, if any.</summary>
public sealed record GuardedForm(IFormCollection Form, FormRefusal Refusal, string Message)
{
    public bool Accepted => Refusal == FormRefusal.None;
}

/// <summary>
/// The protections every public form of the portal shares (依申请公开 now, 互动交流 letters next): a form token bound
/// to a cookie (antiforgery that needs no account and no script), a per-client rate limit per form, a hidden honeypot
/// field, and a small request size limit. A form page calls <see cref="IssueToken"/> and renders
/// <see cref="TokenField"/> and <see cref="HoneypotField"/>; its post handler calls <see cref="ReadAsync"/> first.
/// </summary>
public sealed partial class PublicFormGuard(IDataProtectionProvider protection, TimeProvider time,
    PublicFormLimits limits, DatabaseOptions database, PublicSite.Shared.ISharedRateLimits? shared = null)
    : IDisposable
{
    public const string TokenField = "__form";
    public const string HoneypotField = "website";
    public const string CookieName = "gp_form";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(4);

    private readonly IDataProtector _protector = protection.CreateProtector("GovPortal.Citizens.PublicForm");
    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<string>> _limiters = new();

    public PublicFormLimits Limits => limits;

    /// <summary>
    /// The token to render in <paramref name="formName"/>'s hidden field; the browser's cookie is set if it has none.
    /// </summary>
    public string IssueToken(HttpContext context, string formName)
    {
        var nonce = context.Items[CookieName] as string;
        if (nonce is null
            && (!context.Request.Cookies.TryGetValue(CookieName, out nonce) || nonce.Length is < 16 or > 64))
        {
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(CookieName, nonce, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/",
                IsEssential = true,
            });
            // The same request may render the token again (an error page after a post without the cookie).
            context.Items[CookieName] = nonce;
        }
        var expires = time.GetUtcNow().Add(TokenLifetime).UtcTicks;
        return _protector.Protect($"{formName}\n{nonce}\n{expires}");
    }

    /// <summary>Reads and checks a post to <paramref name="formName"/>.</summary>
    /// <param name="maxBodyBytes">A larger limit than <see cref="PublicFormLimits.MaxBodyBytes"/> for the one form
    /// that takes files (a letter's attachments); every other form keeps the small limit. Such a body is read into
    /// memory, never into a temporary file: the files are people's data, kept on disk only sealed.</param>
    public async Task<GuardedForm> ReadAsync(HttpContext context, string formName, int? maxBodyBytes = null)
    {
        var maxBytes = maxBodyBytes ?? limits.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = maxBytes;
        IFormCollection form;
        if (!context.Request.HasFormContentType)
            return new GuardedForm(FormCollection.Empty, FormRefusal.TooLarge,
                "提交的内容无法识别（不是网页表单），没有提交。请从本网站的页面重新填写。");
        if (context.Request.ContentLength > maxBytes) return TooLarge();
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions
            {
                BufferBody = false, ValueCountLimit = 64, KeyLengthLimit = 64,
                ValueLengthLimit = maxBytes, MultipartBodyLengthLimit = maxBytes,
                MemoryBufferThreshold = Math.Max(maxBytes, FormOptions.DefaultMemoryBufferThreshold),
            }, context.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            return TooLarge();
        }

        var limiter = _limiters.GetOrAdd(formName, _ => PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PermitLimit, Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0,
            })));
        var client = Content.ClientKey.Of(context.Connection.RemoteIpAddress);
        // With several origins behind a balancer, one count for the client across them; this process's own while
        // the shared count is away.
        var allowed = shared is null ? null : await shared.TryTakeAsync("form:" + formName, client,
            limits.PermitLimit, TimeSpan.FromSeconds(limits.WindowSeconds));
        if (allowed is null)
        {
            using var lease = limiter.AttemptAcquire(client);
            allowed = lease.IsAcquired;
        }
        if (allowed == false)
            return new GuardedForm(form, FormRefusal.TooMany,
                $"提交过于频繁，请 {limits.WindowMinutes} 分钟后再试。您填写的内容已保留在下面。");
        if (!TokenIsValid(context, formName, form[TokenField].ToString()))
            return new GuardedForm(form, FormRefusal.BadToken,
                "页面已过期，或不是从本网站的页面提交的，所以没有提交。您填写的内容已保留在下面，请核对后再提交一次。");
        if (form[HoneypotField].ToString().Length > 0)
            return new GuardedForm(form, FormRefusal.Honeypot, "");
        return new GuardedForm(form, FormRefusal.None, "");

        GuardedForm TooLarge() => new(FormCollection.Empty, FormRefusal.TooLarge,
            $"提交的内容超过了允许的大小（{SizeText(maxBytes)}），没有提交。请删减后重新填写。");
    }

    private static string SizeText(int bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024} KB";

    private bool TokenIsValid(HttpContext context, string formName, string token)
    {
        if (token.Length is 0 or > 1000 || !context.Request.Cookies.TryGetValue(CookieName, out var nonce))
            return false;
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }
        var parts = plain.Split('\n');
        return parts.Length == 3 && parts[0] == formName
               && CryptographicOperations.FixedTimeEquals(
                   System.Text.Encoding.UTF8.GetBytes(parts[1]), System.Text.Encoding.UTF8.GetBytes(nonce))
               && long.TryParse(parts[2], out var expires) && expires > time.GetUtcNow().UtcTicks;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
    }
}
