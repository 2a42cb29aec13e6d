namespace GovPortal.Content.Disclosure;

/// <summary>有效性 of a 信息公开 document.</summary>
public enum DocumentValidity
{
    /// <summary>有效.</summary>
    Effective,

    /// <summary>已修改.</summary>
    Amended,

    /// <summary>已废止.</summary>
    Repealed,

    /// <summary>已失效.</summary>
    Expired,
}

public static class DocumentValidities
{
    public static string Label(DocumentValidity validity) => validity switch
    {
        DocumentValidity.Effective => "有效",
        DocumentValidity.Amended => "已修改",
        DocumentValidity.Repealed => "已废止",
        _ => "已失效",
    };

    /// <summary>The verb of the page's notice: 本文件已于 … 废止 / 修改 / 失效.</summary>
    public static string Verb(DocumentValidity validity) => validity switch
    {
        DocumentValidity.Amended => "修改",
        DocumentValidity.Repealed => "废止",
        _ => "失效",
    };
}
