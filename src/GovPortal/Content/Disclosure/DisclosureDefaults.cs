namespace GovPortal.Content.Disclosure;

/// <summary>
/// The lists a site starts with when it has none, written by code (not by a migration) so an administrator can then
/// change them.
/// </summary>
public static class DisclosureDefaults
{
    /// <summary>
    /// 主题分类 of the State Council policy library (中国政府网 国务院政策文件库), the 22 topics in their order.
    /// </summary>
    public static IReadOnlyList<string> Topics { get; } =
    [
        "国务院组织机构", "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源",
        "农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护",
        "科技、教育", "文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察",
        "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他",
    ];

    /// <summary>体裁分类, with the roles the annual report counts (规章, 规范性文件).</summary>
    public static IReadOnlyList<(string Name, string? Role)> Genres { get; } =
    [
        ("通知", null), ("决定", null), ("意见", null), ("办法", null), ("规定", null), ("公告", null),
        ("报告", null), ("规章", GenreRoles.Regulation), ("规范性文件", GenreRoles.NormativeDocument), ("其他", null),
    ];
}
