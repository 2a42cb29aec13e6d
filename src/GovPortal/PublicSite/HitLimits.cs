namespace GovPortal.PublicSite;

/// <summary>
/// How many views one client (an IPv4 address or an IPv6 /64) may count a minute. A reader opens a page every few
/// seconds; a whole office behind one address rarely passes two a second. Views over the limit are answered 429 and
/// not counted.
/// </summary>
public sealed record HitLimits(int PermitsPerMinute = 120);
