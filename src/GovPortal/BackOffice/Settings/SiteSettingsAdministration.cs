using System.Globalization;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Publishing;

namespace GovPortal.BackOffice.Settings;

/// <summary>
/// 设置: the site settings administrators change — the days of mourning (全站置灰) and the site's own facts (网站信息,
/// in SiteSettingsAdministration.Facts.cs). Every change checks that the person is an administrator, whatever the
/// page offered, and is audited as old → new.
/// </summary>
public sealed partial class SiteSettingsAdministration(ISitePublishers publishers, AuditLog audit,
    Data.DatabaseOptions database, Content.Uploads.UploadStore uploads)
{
    public const int MaxMourningDates = 366;

    private const string NotAllowedMessage = "只有系统管理员可以修改设置。";

    private static readonly char[] DateSeparators = [' ', '\n', '\r', '\t', ',', '，', '、', ';'];

    /// <summary>The days of mourning as the settings page shows them: one 年-月-日 a line, in order.</summary>
    public string MourningDatesText() => FormatDates(StoredMourningDates());

    /// <summary>The days typed (年-月-日, separated by lines, spaces or commas), or what is wrong with them.</summary>
    public static (SortedSet<DateOnly> Dates, string? Problem) ParseMourningDates(string text)
    {
        var dates = new SortedSet<DateOnly>();
        foreach (var part in text.Split(DateSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var date))
                return (dates, $"“{(part.Length > 20 ? part[..20] + "…" : part)}”不是有效的日期，应为 年-月-日，例如 2026-12-13。");
            dates.Add(date);
        }
        return dates.Count > MaxMourningDates ? (dates, $"日期过多（最多 {MaxMourningDates} 个）。") : (dates, null);
    }

    /// <summary>
    /// Replaces the days of mourning with those in <paramref name="text"/> (年-月-日, separated by lines, spaces or
    /// commas); an empty text clears them. Takes effect on the public site at once.
    /// </summary>
    public async Task<BackOfficeResult> SetMourningDatesAsync(Staff actor, string text,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.Administrator)) return BackOfficeResult.NotAllowed(NotAllowedMessage);
        var (dates, problem) = ParseMourningDates(text);
        if (problem is not null) return BackOfficeResult.Refused(problem + "设置未保存。");

        var before = FormatDates(StoredMourningDates());
        await StoreMourningDatesAsync(dates, cancellationToken);
        var after = FormatDates(dates);
        if (before != after)
            await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SettingsChanged, "全站置灰",
                $"全站置灰日期：{Listed(before)} → {Listed(after)}", cancellationToken);
        return BackOfficeResult.Done(dates.Count == 0
            ? "已清空全站置灰日期。"
            : $"已保存 {dates.Count} 个全站置灰日期，当天所有公众页面以灰色显示，立即生效。");
    }

    // The days are published into the site's output, like its pages, where the public server finds them.
    private IReadOnlySet<DateOnly> StoredMourningDates() => publishers.Current().PublishedMourningDays();

    private Task StoreMourningDatesAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken) =>
        publishers.Current().PublishMourningDaysAsync(dates, cancellationToken);

    /// <summary>Days as the settings pages show them: one 年-月-日 a line, in order.</summary>
    public static string FormatDates(IEnumerable<DateOnly> dates) =>
        string.Join('\n', dates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static string Listed(string formatted) => formatted.Length > 0 ? formatted.Replace('\n', '、') : "无";
}
