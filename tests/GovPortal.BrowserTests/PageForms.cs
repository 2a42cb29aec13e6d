namespace GovPortal.Tests.Browser;

/// <summary>
/// Which pages a page-level check (axe, the 360 px width) visits in which form. The 适老版 and 繁體 forms are the
/// standard page with a class on the body and converted text: the layouts that differ (one page of each kind a
/// section has) are checked in every form, the pages built from the same parts in the standard form.
/// </summary>
public static class PageForms
{
    public static readonly string[] All = ["", "/elder", "/zh-hant"];

    public static TheoryData<string, string> Of(IEnumerable<string> inEveryForm, IEnumerable<string> standardOnly)
    {
        var data = new TheoryData<string, string>();
        foreach (var form in All)
            foreach (var page in inEveryForm)
                data.Add(form, page);
        foreach (var page in standardOnly) data.Add("", page);
        return data;
    }
}
