namespace GovPortal.Content;

/// <summary>How long the 回收站 keeps what was deleted before it is gone for good.</summary>
public static class TrashRules
{
    public const int KeptDays = 30;
}
