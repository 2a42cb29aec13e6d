namespace GovPortal.BackOffice.AnnualReports;

public sealed record AnnualReportListPageModel(Pages.Shell Shell, IReadOnlyList<AnnualReportRow> Reports,
    int DefaultYear);

/// <summary>The edit page: the computed tables, the form (as saved, or as typed when refused) and any error.</summary>
public sealed record AnnualReportEditPageModel(Pages.Shell Shell, AnnualReportDraft Draft, AnnualReportForm Form,
    int Version, string? Error);
