using System.Globalization;
using GovPortal.Content;
using GovPortal.Interaction.Consultations;

namespace GovPortal.BackOffice.Consultations;

/// <summary>The values of a consultation that passed the form's checks (the draft not yet sanitized).</summary>
public sealed record ConsultationValues(string Title, string Summary, string DraftHtml, int? ArticleId,
    DateTime StartsAtUtc, DateTime EndsAtUtc);

/// <summary>
/// A consultation's form as typed. Nothing is trusted: <see cref="Read"/> says in Chinese what to fix, field by field,
/// and the page shows every value as typed. Times are China time, typed as <c>2026-12-01T09:00</c> (the browser's
/// date-time field) or <c>2026-12-01 09:00</c>.
/// </summary>
public sealed record ConsultationForm(string Title, string Summary, string DraftHtml, string ArticleId,
    string StartsAt, string EndsAt)
{
    public const int SummaryMax = 2000;
    public const int DraftMax = 200_000;

    public static readonly ConsultationForm Empty = new("", "", "", "", "", "");

    private static readonly string[] TimeFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public static ConsultationForm From(IFormCollection form) => new(form["title"].ToString(),
        form["summary"].ToString(), form["draft"].ToString(), form["articleId"].ToString(),
        form["startsAt"].ToString(), form["endsAt"].ToString());

    public static ConsultationForm Of(Consultation consultation) => new(consultation.Title, consultation.Summary,
        consultation.DraftHtml, consultation.ArticleId?.ToString(CultureInfo.InvariantCulture) ?? "",
        TimeText(consultation.StartsAtUtc), TimeText(consultation.EndsAtUtc));

    /// <summary>A time as the date-time field shows it, in China time.</summary>
    public static string TimeText(DateTime utc) =>
        ChinaTime.ToChina(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The values, or what to fix by field (in form order).</summary>
    public (ConsultationValues? Values, IReadOnlyDictionary<string, string> Errors) Read()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = Title.Trim();
        if (title.Length == 0) errors["title"] = "请填写标题。";
        else if (title.Length > Consultation.TitleMax)
            errors["title"] = $"标题最多 {Consultation.TitleMax} 个字，现有 {title.Length} 个。";
        else if (title.Any(char.IsControl)) errors["title"] = "标题含有无法识别的控制字符，请删除后再保存。";
        var summary = Summary.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (summary.Length > SummaryMax) errors["summary"] = $"说明最多 {SummaryMax} 个字，现有 {summary.Length} 个。";
        if (DraftHtml.Trim().Length == 0) errors["draft"] = "请填写征求意见稿的正文。";
        else if (DraftHtml.Length > DraftMax) errors["draft"] = $"正文最多 {DraftMax} 个字符，现有 {DraftHtml.Length} 个。";
        int? articleId = null;
        var typedId = ArticleId.Trim();
        if (typedId.Length > 0)
        {
            if (int.TryParse(typedId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                articleId = id;
            else errors["articleId"] = "关联文件请填写文章编号（数字），或留空表示不关联。";
        }
        var starts = Time(StartsAt, "startsAt", "开始时间", errors);
        var ends = Time(EndsAt, "endsAt", "结束时间", errors);
        if (starts is not null && ends is not null && ends <= starts)
            errors["endsAt"] = "结束时间须晚于开始时间。";
        return errors.Count > 0 || starts is null || ends is null
            ? (null, errors)
            : (new ConsultationValues(title, summary, DraftHtml, articleId, starts.Value, ends.Value), errors);
    }

    private static DateTime? Time(string typed, string field, string label, Dictionary<string, string> errors)
    {
        var text = typed.Trim();
        if (text.Length == 0)
        {
            errors[field] = $"请填写{label}（北京时间，如 2026-12-01 09:00）。";
            return null;
        }
        if (text.Length > 25 || !DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local) || local.Year is < 2000 or > 2099)
        {
            errors[field] = $"{label}的格式不对，请按“2026-12-01 09:00”填写（北京时间）。";
            return null;
        }
        return ChinaTime.ToUtc(local.Year, local.Month, local.Day, local.Hour, local.Minute);
    }
}
