using GovPortal.Citizens.Calendar;
using GovPortal.Citizens.Protection;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Interaction.Letters;
using GovPortal.Theme;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Publishing.Interaction;

/// <summary>
/// Reads what the 互动交流 pages show. Only the public columns of a letter are read — the public copy, the masked
/// name, the reply, codes and dates — never its sealed content, so a writer's phone number or e-mail cannot reach a
/// page. A letter is published only while it is replied, its writer allowed it and staff published it, whatever
/// else a record says.
/// </summary>
public static class InteractionReader
{
    /// <summary>How far a chain of merged letters is followed to the letter that answered them.</summary>
    private const int MaxMergeHops = 5;

    public static async Task<InteractionSection> ReadAsync(GovPortalDbContext db, int siteId, DateTime nowUtc,
        WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.SiteId == siteId && m.Active)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new { m.Name, m.Description, m.Code }).ToListAsync(cancellationToken);
        var letters = await PublishedLettersAsync(db, siteId, cancellationToken);
        var consultations = await ConsultationsAsync(db, siteId, nowUtc, cancellationToken);
        var statistics = await StatisticsAsync(db, siteId, nowUtc, calendar, cancellationToken);
        return new InteractionSection(
            [.. mailboxes.Select(m => new MailboxEntry(m.Name, m.Description,
                $"{InteractionSection.LetterFormUrl}?mailbox={Uri.EscapeDataString(m.Code)}"))],
            letters, consultations, statistics);
    }

    /// <summary>Every published letter, newest publication first.</summary>
    public static async Task<List<PublishedLetter>> PublishedLettersAsync(GovPortalDbContext db, int siteId,
        CancellationToken cancellationToken)
    {
        var rows = await db.Letters.AsNoTracking()
            .Where(l => l.SiteId == siteId && l.PublishedAtUtc != null && l.Status == LetterStatus.Replied
                && l.MayPublish)
            .Select(l => new
            {
                l.Id, l.Number, l.Kind, l.MailboxId, l.PublicSubject, l.PublicText, l.PublicName, l.ReceivedOn,
                l.OrganisationId, l.RepliedOn, l.Reply, PublishedAtUtc = l.PublishedAtUtc!.Value,
            })
            .ToListAsync(cancellationToken);
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.SiteId == siteId)
            .ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.SiteId == siteId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return
        [
            .. rows.Where(r => InteractionSection.PagePathOf(r.Number) is not null)
                .OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id)
                .Select(r => new PublishedLetter(r.Id, r.Number, LetterKinds.Label(r.Kind),
                    mailboxes.GetValueOrDefault(r.MailboxId, ""), r.PublicSubject, r.PublicText,
                    // Masked again here: a record written past the back office cannot publish a full name.
                    Masking.Name(r.PublicName), r.ReceivedOn,
                    r.OrganisationId is { } id ? organisations.GetValueOrDefault(id, "") : "", r.RepliedOn, r.Reply,
                    r.PublishedAtUtc)),
        ];
    }

    private static async Task<List<ConsultationEntry>> ConsultationsAsync(GovPortalDbContext db, int siteId,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        var rows = await db.Consultations.AsNoTracking().Where(c => c.SiteId == siteId)
            .Select(c => new { c.Id, c.Title, c.StartsAtUtc, c.EndsAtUtc }).ToListAsync(cancellationToken);
        return
        [
            .. rows.OrderByDescending(c => c.StartsAtUtc).ThenByDescending(c => c.Id).Select(c =>
            {
                var (state, open) = nowUtc < c.StartsAtUtc ? ("未开始", false)
                    : nowUtc < c.EndsAtUtc ? ("征集中", true) : ("已结束", false);
                return new ConsultationEntry(c.Title, ConsultationUrl(c.Id),
                    $"{ChinaTime.Format(c.StartsAtUtc)} 至 {ChinaTime.Format(c.EndsAtUtc)}", state, open);
            }),
        ];
    }

    /// <summary>A consultation's page, published by the consultations' own pages.</summary>
    public static string ConsultationUrl(int id) =>
        FormattableString.Invariant($"/{InteractionSection.SectionPath}/yjzj/{id}.html");

    /// <summary>The statistics of the current year (China time).</summary>
    public static async Task<LetterStatisticsFigures> StatisticsAsync(GovPortalDbContext db, int siteId,
        DateTime nowUtc, WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(nowUtc));
        var first = new DateOnly(today.Year, 1, 1);
        // Letters held at screening or rejected count nowhere.
        var counted = await db.Letters.AsNoTracking()
            .Where(l => l.SiteId == siteId && l.Status != LetterStatus.Screening && l.Status != LetterStatus.Rejected
                && (l.ReceivedOn >= first || l.RepliedOn >= first || l.Status == LetterStatus.Merged))
            .Select(l => new CountedRow(l.Id, l.Status, l.ReceivedOn, l.RepliedOn, l.Rating, l.OrganisationId,
                l.MergedIntoId))
            .ToListAsync(cancellationToken);
        var byId = counted.ToDictionary(l => l.Id);
        var targetIds = counted.Where(l => l.MergedIntoId is { } t && !byId.ContainsKey(t))
            .Select(l => l.MergedIntoId!.Value).ToList();
        for (var hop = 0; hop < MaxMergeHops && targetIds.Count > 0; hop++)
        {
            var targets = await db.Letters.AsNoTracking().Where(l => targetIds.Contains(l.Id))
                .Select(l => new CountedRow(l.Id, l.Status, l.ReceivedOn, l.RepliedOn, l.Rating, l.OrganisationId,
                    l.MergedIntoId))
                .ToListAsync(cancellationToken);
            foreach (var target in targets) byId.TryAdd(target.Id, target);
            targetIds = targets.Where(l => l.MergedIntoId is { } t && !byId.ContainsKey(t))
                .Select(l => l.MergedIntoId!.Value).ToList();
        }
        var letters = counted.Where(l => l.ReceivedOn >= first || l.Status != LetterStatus.Merged
                || Answering(l, byId) is { RepliedOn: { } on } && on >= first)
            .Select(l => Resolve(l, byId)).ToList();
        var organisations = (await db.Organisations.AsNoTracking().Where(o => o.SiteId == siteId)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ToList();
        return LetterStatistics.Compute(letters, today.Year, today, organisations, calendar.WorkingDaysBetween,
            calendar.Knows);
    }

    private sealed record CountedRow(int Id, LetterStatus Status, DateOnly ReceivedOn, DateOnly? RepliedOn,
        string Rating, int? OrganisationId, int? MergedIntoId);

    /// <summary>The replied letter that answers <paramref name="letter"/> (itself, or what it was merged into).
    /// </summary>
    private static CountedRow? Answering(CountedRow letter, Dictionary<int, CountedRow> byId)
    {
        var current = letter;
        for (var hop = 0; hop <= MaxMergeHops; hop++)
        {
            if (current.Status == LetterStatus.Replied) return current.RepliedOn is null ? null : current;
            if (current.Status != LetterStatus.Merged || current.MergedIntoId is not { } next
                || !byId.TryGetValue(next, out var target)) return null;
            current = target;
        }
        return null;
    }

    // A merged duplicate is replied with the letter that answered it: that letter's date and organisation.
    private static StatisticsLetter Resolve(CountedRow letter, Dictionary<int, CountedRow> byId)
    {
        var answer = Answering(letter, byId);
        var organisation = letter.Status == LetterStatus.Merged
            ? answer?.OrganisationId ?? letter.OrganisationId
            : letter.OrganisationId;
        return new StatisticsLetter(letter.ReceivedOn, answer?.RepliedOn, letter.Rating, organisation);
    }
}
