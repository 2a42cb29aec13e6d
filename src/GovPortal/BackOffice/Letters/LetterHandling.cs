using GovPortal.BackOffice.Audit;
using GovPortal.Data;
using GovPortal.Interaction.Letters;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Letters;

/// <summary>
/// The letters' office, acting side: 甄别 (release or 不予受理), 分办 to a 承办单位, the 承办人's draft and submission,
/// the reviewer's approval or return, the 承办人's return to the dispatcher, and merging duplicates. Each step is
/// checked on the server against the person's role or duty for the letter's organisation, refused on a stale
/// version (the letter changed since the page was drawn), saved with the version raised, and audited by number.
/// </summary>
public sealed class LetterHandling(DatabaseOptions database, LetterOffice office, AuditLog audit, TimeProvider time)
{
    public const int ReasonMax = 500;
    public const int RejectReasonMax = 200;
    public const string StaleMessage = "这封信件已被他人处理，页面上的信息已过时。您填写的内容保留在下面，请核对信件的最新状态后再提交。";

    public Task<BackOfficeResult> ReleaseAsync(LetterStaff staff, int id, int version, CancellationToken token) =>
        ActAsync(staff, id, version, LetterAudit.Release, token, Dispatcher, (letter, _) =>
        {
            if (letter.Status != LetterStatus.Screening) return "只有待甄别的信件可以转为待分办。";
            letter.Status = LetterStatus.New;
            return null;
        }, "已甄别，信件转入待分办。");

    public Task<BackOfficeResult> RejectAsync(LetterStaff staff, int id, int version, string reason,
        CancellationToken token)
    {
        reason = StaffText.Clean(reason);
        return ActAsync(staff, id, version, LetterAudit.Reject, token, Dispatcher, (letter, _) =>
        {
            if (letter.Status != LetterStatus.Screening) return "只有待甄别的信件可以确认不予受理。";
            if (reason.Length == 0) return "请填写不予受理的理由。";
            if (reason.Length > RejectReasonMax) return $"不予受理的理由最多 {RejectReasonMax} 字。";
            letter.Status = LetterStatus.Rejected;
            // Kept with the checks that held it: the reason adds to them, nothing is removed.
            var held = letter.ScreeningReason.Length == 0 ? "" : letter.ScreeningReason + "；";
            letter.ScreeningReason = held + "不予受理：" + reason;
            return null;
        }, "已确认不予受理。信件保留，不会公开。");
    }

    public Task<BackOfficeResult> AssignAsync(LetterStaff staff, int id, int version, int organisationId,
        CancellationToken token) =>
        ActAsync(staff, id, version, LetterAudit.Assign, token, Dispatcher, (letter, db) =>
        {
            if (letter.Status is not (LetterStatus.New or LetterStatus.Returned or LetterStatus.Assigned))
                return "只有待分办、退回或办理中的信件可以分办。";
            var organisation = db.Organisations.AsNoTracking()
                .FirstOrDefault(o => o.Id == organisationId && o.SiteId == letter.SiteId);
            if (organisation is null) return "请选择承办单位。";
            if (!organisation.Active) return "这个单位已停用，不能承办信件。";
            if (letter.Status == LetterStatus.Assigned && letter.OrganisationId == organisationId)
                return "信件已经由这个单位承办。";
            letter.Status = LetterStatus.Assigned;
            letter.OrganisationId = organisationId;
            letter.AssignedAtUtc = time.GetUtcNow().UtcDateTime;
            letter.AssignedBy = staff.Staff.UserName;
            // A new organisation starts from its own draft.
            letter.DraftReply = "";
            letter.DraftedBy = "";
            letter.DraftedAtUtc = null;
            letter.ReviewComment = "";
            return null;
        }, "已分办。", letter => "承办单位：" + OrganisationName(letter));

    public Task<BackOfficeResult> ReturnAsync(LetterStaff staff, int id, int version, string reason,
        CancellationToken token)
    {
        reason = StaffText.Clean(reason);
        return ActAsync(staff, id, version, LetterAudit.Return, token, Handler, (letter, _) =>
        {
            if (letter.Status != LetterStatus.Assigned) return "只有办理中的信件可以退回分办。";
            if (reason.Length == 0) return "请填写退回理由（例如不属于本单位职责）。";
            if (reason.Length > ReasonMax) return $"退回理由最多 {ReasonMax} 字。";
            letter.Status = LetterStatus.Returned;
            letter.ReturnReason = reason;
            letter.OrganisationId = null;
            letter.DraftReply = "";
            letter.DraftedBy = "";
            letter.DraftedAtUtc = null;
            letter.ReviewComment = "";
            return null;
        }, "已退回信箱管理员重新分办。");
    }

    public Task<BackOfficeResult> DraftAsync(LetterStaff staff, int id, int version, string reply, bool submit,
        CancellationToken token)
    {
        reply = StaffText.Clean(reply);
        return ActAsync(staff, id, version, submit ? LetterAudit.Submit : LetterAudit.Draft, token, Handler,
            (letter, _) =>
            {
                if (letter.Status != LetterStatus.Assigned) return "只有办理中的信件可以起草答复。";
                if (reply.Length == 0) return "请填写答复内容。";
                if (reply.Length > Letter.ReplyMax) return $"答复内容最多 {Letter.ReplyMax:N0} 字，现在 {reply.Length:N0} 字。";
                letter.DraftReply = reply;
                letter.DraftedBy = staff.Staff.UserName;
                letter.DraftedAtUtc = time.GetUtcNow().UtcDateTime;
                if (submit) letter.Status = LetterStatus.AwaitingReview;
                return null;
            }, submit ? "答复已提交审核。" : "答复草稿已保存。");
    }

    public Task<BackOfficeResult> ApproveAsync(LetterStaff staff, int id, int version, CancellationToken token) =>
        ActAsync(staff, id, version, LetterAudit.Approve, token, Reviewer, (letter, _) =>
        {
            if (letter.Status != LetterStatus.AwaitingReview) return "只有待审核的信件可以审核。";
            if (string.Equals(letter.DraftedBy, staff.Staff.UserName, StringComparison.OrdinalIgnoreCase))
                return "不能审核自己起草的答复，请由本单位的另一位审核人审核。";
            var now = time.GetUtcNow().UtcDateTime;
            letter.Status = LetterStatus.Replied;
            letter.Reply = letter.DraftReply;
            letter.RepliedAtUtc = now;
            letter.RepliedOn = office.Today;
            letter.ApprovedBy = staff.Staff.UserName;
            letter.ReviewComment = "";
            return null;
        }, "审核通过，答复已送达来信人（可通过信件编号和查询码查看）。");

    public Task<BackOfficeResult> SendBackAsync(LetterStaff staff, int id, int version, string comment,
        CancellationToken token)
    {
        comment = StaffText.Clean(comment);
        return ActAsync(staff, id, version, LetterAudit.SendBack, token, Reviewer, (letter, _) =>
        {
            if (letter.Status != LetterStatus.AwaitingReview) return "只有待审核的信件可以退回修改。";
            if (comment.Length == 0) return "请填写审核意见，说明需要修改的地方。";
            if (comment.Length > ReasonMax) return $"审核意见最多 {ReasonMax} 字。";
            letter.Status = LetterStatus.Assigned;
            letter.ReviewComment = comment;
            return null;
        }, "已退回承办人修改。");
    }

    public Task<BackOfficeResult> MergeAsync(LetterStaff staff, int id, int version, string targetNumber,
        CancellationToken token)
    {
        var wanted = Citizens.Receipts.ReceiptNumbers.Normalize(targetNumber);
        return ActAsync(staff, id, version, LetterAudit.Merge, token, Dispatcher, (letter, db) =>
        {
            if (letter.Status is not (LetterStatus.New or LetterStatus.Returned or LetterStatus.Assigned))
                return "只有待分办、退回或办理中的信件可以合并。";
            if (wanted.Length == 0) return "请填写要合并到的信件编号。";
            var target = db.Letters.AsNoTracking()
                .FirstOrDefault(l => l.Number == wanted && l.SiteId == letter.SiteId);
            if (target is null) return "找不到这个信件编号。";
            if (target.Id == letter.Id) return "不能把信件合并到它自己。";
            if (target.Status is LetterStatus.Merged or LetterStatus.Rejected or LetterStatus.Screening)
                return "只能合并到正在办理或已答复的信件（不能是已合并、不予受理或待甄别的信件）。";
            letter.Status = LetterStatus.Merged;
            letter.MergedIntoId = target.Id;
            letter.DraftReply = "";
            letter.ReviewComment = "";
            return null;
        }, "已合并：这封信件随所合并的信件一并答复。", _ => "合并到 " + wanted);
    }

    /// <summary>Who may take a kind of step: the role or duty at all (checked before the letter is looked up),
    /// and for this letter.</summary>
    private sealed record Right(Func<LetterStaff, bool> AtAll, Func<LetterStaff, Letter, bool> ForLetter,
        string Refusal);

    private static readonly Right Dispatcher = new(s => s.IsDispatcher, (s, _) => s.IsDispatcher,
        "只有信箱管理员可以甄别、分办和合并信件。");

    private static readonly Right Handler = new(s => s.HandlerOf.Count > 0, (s, l) => s.Handles(l),
        "只有承办单位的承办人可以办理这封信件。");

    private static readonly Right Reviewer = new(s => s.ReviewerOf.Count > 0, (s, l) => s.Reviews(l),
        "只有承办单位的审核人可以审核这封信件的答复。");

    private string OrganisationName(Letter letter)
    {
        using var db = database.CreateContext();
        return db.Organisations.AsNoTracking().Where(o => o.Id == letter.OrganisationId).Select(o => o.Name)
            .FirstOrDefault() ?? "";
    }

    /// <summary>
    /// One step: the person's role or duty checked, the letter loaded by id within the site, the right checked for
    /// this letter (its organisation's members only), the version compared, the step's own checks (a Chinese message
    /// refuses it and nothing changes), saved with the version raised, audited by number.
    /// </summary>
    private async Task<BackOfficeResult> ActAsync(LetterStaff staff, int id, int version, string action,
        CancellationToken cancellationToken, Right right,
        Func<Letter, GovPortalDbContext, string?> step, string done, Func<Letter, string>? details = null)
    {
        if (!right.AtAll(staff)) return BackOfficeResult.NotAllowed(right.Refusal);
        await using var db = database.CreateContext();
        var siteId = await office.SiteIdAsync(db, cancellationToken);
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == id && l.SiteId == siteId, cancellationToken);
        if (letter is null) return BackOfficeResult.Missing("找不到这封信件。");
        if (!staff.MaySee(letter)) return BackOfficeResult.NotAllowed("您没有办理这封信件的权限。");
        if (!right.ForLetter(staff, letter)) return BackOfficeResult.NotAllowed(right.Refusal);
        if (letter.Version != version) return BackOfficeResult.Stale(StaleMessage);
        if (step(letter, db) is { } problem) return BackOfficeResult.Refused(problem);
        letter.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return BackOfficeResult.Stale(StaleMessage);
        }
        await audit.WriteAsync(staff.Staff.UserName, staff.Staff.IpAddress, action, letter.Number,
            details?.Invoke(letter) ?? LetterStatusLabels.Of(letter.Status), cancellationToken);
        return BackOfficeResult.Done(done);
    }
}
