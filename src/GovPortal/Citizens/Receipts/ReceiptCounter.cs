namespace GovPortal.Citizens.Receipts;

/// <summary>
/// The last number given in a series (申请编号 YSQ, 信件编号 …) on one day of one site. Numbers are sequential per site,
/// series and day, so a receipt number says when it was made and how many came before it that day.
/// </summary>
public sealed class ReceiptCounter
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    public string Series { get; set; } = "";

    public DateOnly Day { get; set; }

    public int Last { get; set; }
}
