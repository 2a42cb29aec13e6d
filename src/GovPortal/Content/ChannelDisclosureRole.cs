namespace GovPortal.Content;

/// <summary>
/// What a channel is to the 政府信息公开 section's home (/zfxxgk/): its 指南, its 制度, or one of the 法定主动公开内容
/// channels the site lists there (《政府信息公开条例》第十九、二十条). Set in the back office's channel settings.
/// </summary>
public enum ChannelDisclosureRole
{
    None,

    /// <summary>政府信息公开指南.</summary>
    Guide,

    /// <summary>政府信息公开制度.</summary>
    Rules,

    /// <summary>法定主动公开内容.</summary>
    Statutory,
}

public static class ChannelDisclosureRoles
{
    public static string Label(ChannelDisclosureRole role) => role switch
    {
        ChannelDisclosureRole.Guide => "政府信息公开指南",
        ChannelDisclosureRole.Rules => "政府信息公开制度",
        ChannelDisclosureRole.Statutory => "法定主动公开内容",
        _ => "无",
    };
}
