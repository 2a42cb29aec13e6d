using GovPortal.Theme;

namespace GovPortal.PublicSite.Variants;

/// <summary>Where the elder (/elder/…) and Traditional (/zh-hant/…) forms of every page are reached.</summary>
public static class VariantPaths
{
    /// <summary>
    /// The form a request asks for and the standard path it is a form of: /zh-hant/xwzx/ → (Traditional, /xwzx/).
    /// A bare prefix (/elder) is the form's home page without its slash.
    /// </summary>
    public static (PageVariant Variant, string StandardPath) Split(string? requestPath)
    {
        if (requestPath is null) return (PageVariant.Standard, "");
        foreach (var variant in (ReadOnlySpan<PageVariant>)[PageVariant.Elder, PageVariant.Traditional])
        {
            var prefix = variant.Prefix();
            if (!requestPath.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (requestPath.Length == prefix.Length) return (variant, "");
            if (requestPath[prefix.Length] == '/') return (variant, requestPath[prefix.Length..]);
        }
        return (PageVariant.Standard, requestPath);
    }
}
