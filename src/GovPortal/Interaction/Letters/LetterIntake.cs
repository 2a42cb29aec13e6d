using GovPortal.BackOffice.Audit;
using GovPortal.Citizens.Calendar;
using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Receipts;
using GovPortal.Citizens.Screening;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Interaction.Letters;

/// <summary>What the receipt page shows, once: the number, the secret code, and when the reply is due.</summary>
public sealed record LetterReceipt(string Number, string QueryCode, string MailboxName, DateOnly ReceivedOn,
    int ReplyDays, WorkingDate ReplyDue);

/// <summary>
/// The citizen's side of letters: the site's active mailboxes, submitting a letter (committed, with its sealed
/// attachments, before the receipt is shown), looking it up by number and 查询码, and rating the reply once. A wrong
/// number or code is indistinguishable from a missing letter. A letter whose words trip the content checks is kept
/// in 待甄别 and its writer gets the same receipt as anyone. The audit log records each step by number, never with
/// personal data.
/// </summary>
public sealed class LetterIntake(DatabaseOptions database, LetterSeal seal, LetterFiles files,
    WorkingCalendarStore calendars, CitizenTextScreening screening, AuditLog audit, TimeProvider time)
{
    public const string Series = "XJ";
    public const int RatingCommentMax = 500;
    public const string Writer = "（来信人）";

    public DateOnly Today => ChinaTime.Today(time);

    /// <summary>The mailboxes citizens may write to now, in the site's order.</summary>
    public async Task<IReadOnlyList<Mailbox>> ActiveMailboxesAsync(string siteCode,
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Mailboxes.AsNoTracking()
            .Where(m => m.Active && db.Sites.Any(s => s.Id == m.SiteId && s.Code == siteCode))
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Commits the letter and its attachments, with the receipt recorded on <paramref name="claim"/> in the
    /// same transaction; null when the mailbox closed meanwhile.</summary>
    public async Task<LetterReceipt?> SubmitAsync(string siteCode, LetterForm form,
        IReadOnlyList<CheckedAttachment> attachments, FormPostClaim? claim, CancellationToken cancellationToken)
    {
        var content = form.Content();
        var held = screening.ReasonToHold(content.Subject, content.Text, content.Name);
        var code = QueryCode.NewCode();
        var hash = QueryCode.Hash(code);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var today = Today;
            await using var db = database.CreateContext();
            var mailbox = await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Code == form.Mailbox
                && m.Active && db.Sites.Any(s => s.Id == m.SiteId && s.Code == siteCode), cancellationToken);
            if (mailbox is null) return null;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await ReceiptNumbers.NextAsync(db, mailbox.SiteId, Series, today, cancellationToken);
            var letter = new Letter
            {
                SiteId = mailbox.SiteId, MailboxId = mailbox.Id, Number = number, QueryCodeSalt = hash.Salt,
                QueryCodeHash = hash.Hash, Kind = form.Kind, SealedContent = seal.Seal(content, number),
                MayPublish = form.MayPublish, ReceivedOn = today, ReceivedAtUtc = now,
                ReplyDays = mailbox.ReplyDaysFor(form.Kind),
                Status = held.Length > 0 ? LetterStatus.Screening : LetterStatus.New, ScreeningReason = held,
            };
            db.Letters.Add(letter);
            claim?.RecordIn(db, number);
            var stored = new List<string>();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                foreach (var attachment in attachments)
                {
                    var storedName = files.Save(attachment.Content, number);
                    stored.Add(storedName);
                    db.LetterAttachments.Add(new LetterAttachment
                    {
                        LetterId = letter.Id, FileName = attachment.FileName, StoredName = storedName,
                        ContentType = attachment.ContentType, Length = attachment.Content.Length,
                    });
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception e) when (e is DbUpdateException or OperationCanceledException or IOException)
            {
                // Nothing of a letter that was not saved stays on disk.
                foreach (var storedName in stored) files.Delete(storedName);
                // Another letter took the same sequence number first: take the next one.
                if (e is DbUpdateException && attempt < 5) continue;
                throw;
            }
            await audit.WriteAsync(Writer, null, "互动交流.来信", number,
                $"信箱：{mailbox.Name}；类型：{LetterKinds.Label(form.Kind)}；附件：{attachments.Count} 个；" +
                (held.Length > 0 ? "待甄别（" + held + "）" : "待分办"), cancellationToken);
            var calendar = await calendars.CurrentAsync(letter.SiteId, cancellationToken);
            return new LetterReceipt(number, code, mailbox.Name, today, letter.ReplyDays,
                calendar.Deadline(today, letter.ReplyDays));
        }
    }

    /// <summary>The site's letter with this number and code, or null: the same answer for either being wrong.
    /// </summary>
    public async Task<Letter?> FindAsync(string siteCode, string? number, string? code,
        CancellationToken cancellationToken)
    {
        var normalized = ReceiptNumbers.Normalize(number);
        Letter? found = null;
        if (normalized.Length > 0)
        {
            await using var db = database.CreateContext();
            found = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Number == normalized
                && db.Sites.Any(s => s.Id == l.SiteId && s.Code == siteCode), cancellationToken);
        }
        var stored = found is null ? null : new QueryCodeHash(found.QueryCodeSalt, found.QueryCodeHash);
        return QueryCode.Matches(code, stored) ? found : null;
    }

    /// <summary>What the writer of <paramref name="letter"/> sees of it (the caller checked number and code).
    /// </summary>
    public async Task<LetterView> ViewOfAsync(Letter letter, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var mailbox = await db.Mailboxes.AsNoTracking().Where(m => m.Id == letter.MailboxId).Select(m => m.Name)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
        var attachments = await db.LetterAttachments.AsNoTracking().Where(a => a.LetterId == letter.Id)
            .OrderBy(a => a.Id).Select(a => a.FileName).ToListAsync(cancellationToken);
        var answered = await AnsweringLetterAsync(db, letter, cancellationToken);
        var organisation = answered?.OrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name)
                .FirstOrDefaultAsync(cancellationToken) ?? ""
            : "";
        var status = answered is not null ? LetterStatusLabels.ForCitizen(LetterStatus.Replied)
            : letter.Status == LetterStatus.Merged ? LetterStatusLabels.ForCitizen(LetterStatus.Assigned)
            : LetterStatusLabels.ForCitizen(letter.Status);
        var calendar = await calendars.CurrentAsync(letter.SiteId, cancellationToken);
        var written = seal.Open(letter);
        return new LetterView(letter.Number, mailbox, LetterKinds.Label(letter.Kind), status, letter.ReceivedOn,
            letter.ReplyDays, calendar.Deadline(letter.ReceivedOn, letter.ReplyDays), written.Subject, written.Text,
            attachments, answered?.Reply, organisation, answered?.RepliedOn,
            letter.Rating.Length == 0 ? null : LetterRatings.Label(letter.Rating), seal.RatingCommentOf(letter),
            letter.Status == LetterStatus.Merged);
    }

    /// <summary>
    /// The writer's rating of the reply, once: null when taken, otherwise what went wrong (in Chinese), or
    /// <see cref="NotFound"/> for a wrong number or code.
    /// </summary>
    public async Task<string?> RateAsync(string siteCode, string? number, string? code, string rating,
        string comment, CancellationToken cancellationToken)
    {
        if (await FindAsync(siteCode, number, code, cancellationToken) is not { } found) return NotFound;
        await using var db = database.CreateContext();
        var letter = await db.Letters.FirstAsync(l => l.Id == found.Id, cancellationToken);
        if (await AnsweringLetterAsync(db, letter, cancellationToken) is null)
            return "这封信还没有答复，答复后才能评价。";
        if (letter.Rating.Length > 0) return AlreadyRated;
        if (!LetterRatings.IsRating(rating)) return "请选择评价：满意、基本满意或不满意。";
        comment = comment.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (comment.Length > RatingCommentMax)
            return $"评价意见最多 {RatingCommentMax} 字，现有 {comment.Length} 字，请删减。";
        if (comment.Replace("\n", "", StringComparison.Ordinal)
            .Any(c => char.IsControl(c) || c is '\u202E' or '\uFEFF' or '\uFFFD'))
            return "评价意见含有无法识别的字符，请删除后再提交。";
        letter.Rating = rating;
        letter.SealedRatingComment = seal.SealRatingComment(comment, letter.Number);
        letter.RatedAtUtc = time.GetUtcNow().UtcDateTime;
        letter.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two ratings at once (a double click), or staff changed the letter meanwhile: look again.
            await using var again = database.CreateContext();
            var now = await again.Letters.AsNoTracking().FirstAsync(l => l.Id == found.Id, cancellationToken);
            return now.Rating.Length > 0 ? AlreadyRated : "评价没有保存，请刷新页面后再提交一次。";
        }
        await audit.WriteAsync(Writer, null, "互动交流.评价", letter.Number,
            $"评价：{LetterRatings.Label(rating)}；意见：{(comment.Length > 0 ? "有" : "无")}", cancellationToken);
        return null;
    }

    public const string NotFound = "未找到";
    public const string AlreadyRated = "这封信的答复已经评价过，每封信只能评价一次。";

    /// <summary>The letter whose reply answers <paramref name="letter"/> once it is replied: itself, or for a
    /// duplicate the letter it was merged into; null while no reply has gone out.</summary>
    private static async Task<Letter?> AnsweringLetterAsync(GovPortalDbContext db, Letter letter,
        CancellationToken cancellationToken)
    {
        if (letter.Status == LetterStatus.Replied) return letter;
        if (letter is not { Status: LetterStatus.Merged, MergedIntoId: { } targetId }) return null;
        var target = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == targetId, cancellationToken);
        return target is { Status: LetterStatus.Replied } ? target : null;
    }
}
