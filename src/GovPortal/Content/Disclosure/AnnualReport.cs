namespace GovPortal.Content.Disclosure;

/// <summary>
/// 政府信息公开工作年度报告 of one site and year: its own small record rather than a content kind, since it has one
/// fixed layout (国办公开办函〔2021〕30号), computed tables and one address per year. Staff edit the draft (chapters and
/// the figures GovPortal holds no records of); publishing freezes everything, computed tables included, into
/// <see cref="PublishedJson"/>, which is what the public page shows until the next publication.
/// </summary>
public sealed class AnnualReport
{
    public const int ChapterMax = 20000;

    public int Id { get; set; }

    public int SiteId { get; set; }

    public int Year { get; set; }

    /// <summary>一、总体情况 (plain text, a paragraph per line).</summary>
    public string Overview { get; set; } = "";

    /// <summary>五、存在的主要问题及改进情况.</summary>
    public string Problems { get; set; } = "";

    /// <summary>六、其他需要报告的事项.</summary>
    public string OtherMatters { get; set; } = "";

    /// <summary>The typed-in figures (<see cref="TypedFigures"/>) as JSON.</summary>
    public string TypedFiguresJson { get; set; } = "";

    /// <summary>The report as last published (<see cref="AnnualReportSnapshot"/>) as JSON; empty if never.</summary>
    public string PublishedJson { get; set; } = "";

    public DateTime? PublishedAtUtc { get; set; }

    public string PublishedBy { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>Raised by every save; a form from an older page is refused.</summary>
    public int Version { get; set; } = 1;

    public TypedFigures Figures => TypedFigures.FromJson(TypedFiguresJson);

    public AnnualReportSnapshot? Published => AnnualReportSnapshot.FromJson(PublishedJson);
}
