using GovPortal.Citizens.Forms;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Interaction;

/// <summary>One demo portal for the letter tests; every request comes from one address, so the per-client limit
/// (tested on its own portal) is out of reach.</summary>
public sealed class LetterPortalFixture : IAsyncLifetime
{
    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new PublicFormLimits(PermitLimit: 100_000)));
        await Portal.EnterCalendarThroughNextYearAsync();
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    /// <summary>
    /// Stands in for the office's reply (built elsewhere): writes the approved reply straight into the database, as
    /// the reviewer's approval leaves it, and returns the replying organisation's name.
    /// </summary>
    public async Task<string> ReplyAsync(string number, string reply, DateOnly? on = null)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var letter = await db.Letters.SingleAsync(l => l.Number == number);
        var organisation = await db.Organisations.Where(o => o.SiteId == letter.SiteId).OrderBy(o => o.Id)
            .FirstAsync();
        letter.OrganisationId = organisation.Id;
        letter.Reply = reply;
        letter.RepliedOn = on ?? letter.ReceivedOn.AddDays(3);
        letter.RepliedAtUtc = DateTime.UtcNow;
        letter.ApprovedBy = "reviewer";
        letter.Status = LetterStatus.Replied;
        letter.Version++;
        await db.SaveChangesAsync();
        return organisation.Name;
    }

    /// <summary>Marks <paramref name="duplicate"/> as merged into <paramref name="into"/>, as the office does.
    /// </summary>
    public async Task MergeAsync(string duplicate, string into)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var target = await db.Letters.SingleAsync(l => l.Number == into);
        var letter = await db.Letters.SingleAsync(l => l.Number == duplicate);
        letter.MergedIntoId = target.Id;
        letter.Status = LetterStatus.Merged;
        letter.Version++;
        await db.SaveChangesAsync();
    }

    public async Task<Letter> LetterAsync(string number)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Letters.AsNoTracking().SingleAsync(l => l.Number == number);
    }

    public async Task<int> CountAsync()
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Letters.CountAsync();
    }
}
