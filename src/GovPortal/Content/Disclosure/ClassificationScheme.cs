namespace GovPortal.Content.Disclosure;

/// <summary>The two classification lists of 信息公开 documents each site keeps.</summary>
public enum ClassificationScheme
{
    /// <summary>主题分类: the State Council policy library's topics by default.</summary>
    Topic,

    /// <summary>体裁分类: 通知, 决定, 意见 …</summary>
    Genre,
}
