namespace GovPortal.Content.Disclosure;

/// <summary>The form of a 政策解读.</summary>
public enum InterpretationType
{
    /// <summary>文字解读.</summary>
    Text,

    /// <summary>图解.</summary>
    Graphic,

    /// <summary>视频解读.</summary>
    Video,

    /// <summary>专家解读.</summary>
    Expert,
}

public static class InterpretationTypes
{
    public static string Label(InterpretationType type) => type switch
    {
        InterpretationType.Text => "文字解读",
        InterpretationType.Graphic => "图解",
        InterpretationType.Video => "视频解读",
        _ => "专家解读",
    };
}
