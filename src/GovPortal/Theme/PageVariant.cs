namespace GovPortal.Theme;

/// <summary>The forms a public page is read in; each lives under its own path prefix.</summary>
public enum PageVariant
{
    Standard,
    Elder,       // 适老版
    Traditional, // 繁體
}

public static class PageVariants
{
    public static string Prefix(this PageVariant variant) => variant switch
    {
        PageVariant.Elder => "/elder",
        PageVariant.Traditional => "/zh-hant",
        _ => "",
    };
}
