using System.Security.Claims;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// The signed-in person as the workflow sees them: roles, and the channels their editorial roles cover.
/// </summary>
public sealed record Staff(
    string UserName, string DisplayName, IReadOnlySet<string> Roles, IReadOnlySet<int> Channels, string IpAddress)
{
    public bool Is(string role) => Roles.Contains(role);

    /// <summary>Whether the person holds <paramref name="role"/> for content of <paramref name="channelId"/>.</summary>
    public bool Can(string role, int channelId) => Is(role) && Channels.Contains(channelId);

    public static async Task<Staff> LoadAsync(
        ClaimsPrincipal user, string? ipAddress, GovPortalDbContext db, CancellationToken cancellationToken = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var granted = await db.ChannelGrants.Where(g => g.UserId == id).Select(g => g.ChannelId)
            .ToListAsync(cancellationToken);
        var tree = new ChannelTree(await db.Channels.AsNoTracking().ToListAsync(cancellationToken));
        var channels = granted.Where(tree.Contains).SelectMany(tree.SubtreeOf).ToHashSet();
        return new Staff(
            user.Identity?.Name ?? "",
            user.FindFirstValue(StaffClaims.DisplayName) ?? user.Identity?.Name ?? "",
            roles,
            channels,
            ipAddress ?? "");
    }

    /// <summary>The scheduler, which publishes what a publisher scheduled.</summary>
    public static Staff System { get; } = new("", "定时发布", new HashSet<string>(), new HashSet<int>(), "");

    /// <summary>The scheduler when it withdraws what a publisher set to leave the site at a time (定时下线).</summary>
    public static Staff ScheduledWithdrawal { get; } =
        new("", "定时下线", new HashSet<string>(), new HashSet<int>(), "");

    /// <summary>The scheduler when a pin (置顶) reaches the end a publisher set for it.</summary>
    public static Staff PinExpiry { get; } = new("", "置顶到期", new HashSet<string>(), new HashSet<int>(), "");
}
