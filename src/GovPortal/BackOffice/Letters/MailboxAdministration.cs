using System.Globalization;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.Data;
using GovPortal.Interaction.Letters;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Letters;

/// <summary>A mailbox as its form holds it: what was typed, kept as typed when the form is refused.</summary>
public sealed record MailboxForm(string Name, string Code, string Description, string SortOrder, bool Active,
    string ConsultReplyDays, string ReplyDays)
{
    public static MailboxForm Empty { get; } = new("", "", "", "0", true,
        Mailbox.DefaultConsultReplyDays.ToString(CultureInfo.InvariantCulture),
        Mailbox.DefaultReplyDays.ToString(CultureInfo.InvariantCulture));

    public static MailboxForm Of(Mailbox mailbox) => new(mailbox.Name, mailbox.Code, mailbox.Description,
        mailbox.SortOrder.ToString(CultureInfo.InvariantCulture), mailbox.Active,
        mailbox.ConsultReplyDays.ToString(CultureInfo.InvariantCulture),
        mailbox.ReplyDays.ToString(CultureInfo.InvariantCulture));
}

/// <summary>One mailbox in the list, with how many letters it holds.</summary>
public sealed record MailboxRow(Mailbox Mailbox, int Letters);

/// <summary>
/// The site's mailboxes (区长信箱, 12345 咨询 …), managed by the 信箱管理员: name, address code, description, order,
/// active, and the reply deadlines in working days (1–60) for 咨询 and for the other kinds. A mailbox with letters is
/// deactivated, never deleted; a new deadline applies to letters received after the change.
/// </summary>
public sealed class MailboxAdministration(DatabaseOptions database, LetterOffice office, AuditLog audit)
{
    public const int MinReplyDays = 1;
    public const int MaxReplyDays = 60;
    public const int DescriptionMax = 500;
    public const int CodeMax = 32;

    public async Task<IReadOnlyList<MailboxRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var siteId = await office.SiteIdAsync(db, cancellationToken);
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.SiteId == siteId)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var counts = await db.Letters.Where(l => l.SiteId == siteId).GroupBy(l => l.MailboxId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count,
                cancellationToken);
        return mailboxes.Select(m => new MailboxRow(m, counts.GetValueOrDefault(m.Id))).ToList();
    }

    public async Task<MailboxRow?> FindAsync(int id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(r => r.Mailbox.Id == id);

    public async Task<BackOfficeResult> SaveAsync(Staff staff, int? id, MailboxForm form,
        CancellationToken cancellationToken)
    {
        if (!staff.Is(StaffRoles.Mailbox)) return BackOfficeResult.NotAllowed("只有信箱管理员可以管理信箱。");
        var name = StaffText.Clean(form.Name);
        var code = form.Code.Trim();
        var description = StaffText.Clean(form.Description);
        string? problem = name.Length == 0 ? "请填写信箱名称。"
            : name.Length > Mailbox.MaxNameLength ? $"信箱名称最多 {Mailbox.MaxNameLength} 字。"
            : name.Contains('\n') ? "信箱名称不能换行。"
            : code.Length is < 2 or > CodeMax || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
                ? $"信箱代码用于网址，应为 2 到 {CodeMax} 个小写英文字母或数字，例如 qzxx。"
            : description.Length > DescriptionMax ? $"信箱说明最多 {DescriptionMax} 字。"
            : Number(form.SortOrder, 0, 9999) is null ? "排序应为 0 到 9999 的整数。"
            : Number(form.ConsultReplyDays, MinReplyDays, MaxReplyDays) is null
                ? $"咨询类信件的答复期限应为 {MinReplyDays} 到 {MaxReplyDays} 个工作日。"
            : Number(form.ReplyDays, MinReplyDays, MaxReplyDays) is null
                ? $"投诉、建议等信件的答复期限应为 {MinReplyDays} 到 {MaxReplyDays} 个工作日。"
            : null;
        if (problem is not null) return BackOfficeResult.Refused(problem);

        await using var db = database.CreateContext();
        var siteId = await office.SiteIdAsync(db, cancellationToken);
        if (await db.Mailboxes.AnyAsync(m => m.SiteId == siteId && m.Code == code && m.Id != (id ?? 0),
                cancellationToken))
            return BackOfficeResult.Refused($"信箱代码“{code}”已被另一个信箱使用。");
        if (await db.Mailboxes.AnyAsync(m => m.SiteId == siteId && m.Name == name && m.Id != (id ?? 0),
                cancellationToken))
            return BackOfficeResult.Refused($"已有名为“{name}”的信箱。");
        Mailbox mailbox;
        if (id is { } existing)
        {
            var found = await db.Mailboxes.FirstOrDefaultAsync(m => m.Id == existing && m.SiteId == siteId,
                cancellationToken);
            if (found is null) return BackOfficeResult.Missing("找不到这个信箱。");
            mailbox = found;
            mailbox.Code = code;
            mailbox.Name = name;
        }
        else
        {
            mailbox = new Mailbox { SiteId = siteId, Code = code, Name = name };
            db.Mailboxes.Add(mailbox);
        }
        mailbox.Description = description;
        mailbox.SortOrder = Number(form.SortOrder, 0, 9999)!.Value;
        mailbox.Active = form.Active;
        mailbox.ConsultReplyDays = Number(form.ConsultReplyDays, MinReplyDays, MaxReplyDays)!.Value;
        mailbox.ReplyDays = Number(form.ReplyDays, MinReplyDays, MaxReplyDays)!.Value;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return BackOfficeResult.Stale("保存时信箱代码已被另一个信箱使用，请换一个代码后重试。");
        }
        await audit.WriteAsync(staff.UserName, staff.IpAddress, id is null ? "信箱.新建" : "信箱.修改", mailbox.Code,
            $"{(mailbox.Active ? "启用" : "停用")}；咨询 {mailbox.ConsultReplyDays} 个工作日，其他 {mailbox.ReplyDays} 个工作日",
            cancellationToken);
        return BackOfficeResult.Done(id is null ? "信箱已新建。" : "信箱已保存。新的答复期限适用于此后收到的信件。");
    }

    public async Task<BackOfficeResult> DeleteAsync(Staff staff, int id, CancellationToken cancellationToken)
    {
        if (!staff.Is(StaffRoles.Mailbox)) return BackOfficeResult.NotAllowed("只有信箱管理员可以管理信箱。");
        await using var db = database.CreateContext();
        var siteId = await office.SiteIdAsync(db, cancellationToken);
        var mailbox = await db.Mailboxes.FirstOrDefaultAsync(m => m.Id == id && m.SiteId == siteId,
            cancellationToken);
        if (mailbox is null) return BackOfficeResult.Missing("找不到这个信箱。");
        if (await db.Letters.AnyAsync(l => l.MailboxId == id, cancellationToken))
            return BackOfficeResult.Refused("这个信箱已经收到过信件，不能删除，只能停用（取消“启用”后保存）。");
        db.Mailboxes.Remove(mailbox);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return BackOfficeResult.Refused("这个信箱刚刚收到信件，不能删除，只能停用。");
        }
        await audit.WriteAsync(staff.UserName, staff.IpAddress, "信箱.删除", mailbox.Code, "", cancellationToken);
        return BackOfficeResult.Done("信箱已删除。");
    }

    private static int? Number(string text, int min, int max) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value >= min && value <= max ? value : null;
}
