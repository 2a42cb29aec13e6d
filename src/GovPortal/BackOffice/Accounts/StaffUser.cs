using Microsoft.AspNetCore.Identity;

namespace GovPortal.BackOffice.Accounts;

/// <summary>A member of the web team who signs in to the back office.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The name colleagues know, e.g. 张晓明; shown in history, review comments and the audit log.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The site the account works on: every page and action of the back office is that site's. A person who works
    /// on two sites of the platform has an account on each.
    /// </summary>
    public int SiteId { get; set; }

    /// <summary>
    /// Set for the first administrator and after a password reset: the next sign-in must choose a new one.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account cannot sign in; it is kept so that its history stays attributable.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>When the password was last set: password expiry, when the security policy sets it, counts from it.
    /// </summary>
    public DateTime? PasswordChangedAtUtc { get; set; }

    /// <summary>
    /// The hashes of earlier passwords, newest first, one a line: as many as the security policy's password history
    /// needs and no more. Never a password itself.
    /// </summary>
    public string PreviousPasswordHashes { get; set; } = "";
}

/// <summary>The channels (with their sub-channels) in which a person's editorial roles apply.</summary>
public sealed class ChannelGrant
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int ChannelId { get; set; }
}
