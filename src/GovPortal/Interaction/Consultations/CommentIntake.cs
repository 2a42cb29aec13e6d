using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Receipts;
using GovPortal.Citizens.Screening;
using GovPortal.Content;
using GovPortal.Content.Consultations;
using GovPortal.Data;
using GovPortal.Publishing.Output;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Interaction.Consultations;

/// <summary>What the receipt shows, once: the number and the secret code.</summary>
public sealed record CommentReceipt(string Number, string QueryCode, DateTime ReceivedAtUtc, string ConsultationTitle);

/// <summary>What a lookup by number and code shows: that the comment was received, and on what.</summary>
public sealed record CommentFound(string Number, DateTime ReceivedAtUtc, int ConsultationId, string ConsultationTitle,
    ConsultationState State);

/// <summary>
/// The citizen's side of 意见征集: the consultation a form is for (open or not, judged by the clock on every
/// request), taking a comment (committed before the receipt is shown, sealed, screened), and the lookup by 意见编号
/// and 查询码, which answers a wrong number and a wrong code alike.
/// </summary>
public sealed class CommentIntake(DatabaseOptions database, CommentSeal seal,
    CitizenTextScreening screening, TimeProvider time)
{
    public const string Series = "YJ";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The site's consultation with this id, or null.</summary>
    public async Task<Consultation?> ConsultationAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        return await db.Consultations.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == id && c.SiteId == siteId, cancellationToken);
    }

    /// <summary>
    /// Takes a validated comment on consultation <paramref name="consultationId"/> if it is open now; null when it is
    /// not (missing, not started or ended): nothing is kept then.
    /// </summary>
    public async Task<CommentReceipt?> SubmitAsync(int consultationId, CommentForm form, FormPostClaim? claim,
        CancellationToken cancellationToken)
    {
        var content = form.Content();
        var code = QueryCode.NewCode();
        var hash = QueryCode.Hash(code);
        // Held or not, the comment is kept and the citizen gets the same receipt.
        var reason = screening.ReasonToHold(content.Name, content.Text);
        for (var attempt = 1; ; attempt++)
        {
            var now = Now;
            await using var db = database.CreateContext();
            var siteId = await SiteIdAsync(db, cancellationToken);
            var consultation = await db.Consultations.AsNoTracking()
                .FirstOrDefaultAsync(c => c.Id == consultationId && c.SiteId == siteId, cancellationToken);
            if (consultation is null
                || !ConsultationPeriod.IsOpen(consultation.StartsAtUtc, consultation.EndsAtUtc, now))
                return null;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await ReceiptNumbers.NextAsync(db, siteId, Series,
                DateOnly.FromDateTime(ChinaTime.ToChina(now)), cancellationToken);
            db.ConsultationComments.Add(new ConsultationComment
            {
                ConsultationId = consultation.Id, Number = number, QueryCodeSalt = hash.Salt,
                QueryCodeHash = hash.Hash, SealedContent = seal.Seal(content, number), ReceivedAtUtc = now,
                Held = reason.Length > 0, ScreeningReason = reason,
            });
            claim?.RecordIn(db, number);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another comment took the same sequence number first: take the next one.
                continue;
            }
            return new CommentReceipt(number, code, now, consultation.Title);
        }
    }

    /// <summary>The comment with this number and code, or null: the same answer for either being wrong.</summary>
    public async Task<CommentFound?> FindAsync(string? number, string? code, CancellationToken cancellationToken)
    {
        var normalized = ReceiptNumbers.Normalize(number);
        await using var db = database.CreateContext();
        var siteId = await SiteIdAsync(db, cancellationToken);
        var found = normalized.Length == 0 ? null
            : await (from comment in db.ConsultationComments.AsNoTracking()
                    join consultation in db.Consultations.AsNoTracking()
                        on comment.ConsultationId equals consultation.Id
                    where comment.Number == normalized && consultation.SiteId == siteId
                    select new { comment, consultation }).FirstOrDefaultAsync(cancellationToken);
        var stored = found is null ? null : new QueryCodeHash(found.comment.QueryCodeSalt, found.comment.QueryCodeHash);
        if (!QueryCode.Matches(code, stored) || found is null) return null;
        var c = found.consultation;
        return new CommentFound(found.comment.Number, found.comment.ReceivedAtUtc, c.Id, c.Title,
            ConsultationPeriod.StateAt(c.StartsAtUtc, c.EndsAtUtc, c.FeedbackPublishedAtUtc, Now));
    }

    private static Task<int> SiteIdAsync(GovPortalDbContext db, CancellationToken cancellationToken) =>
        db.CurrentSiteIdAsync(cancellationToken);
}
