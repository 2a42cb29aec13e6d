namespace GovPortal.Safety.Tamper;

public enum TamperKind
{
    /// <summary>A published file's bytes differ from the manifest; the true version was put back.</summary>
    Modified,

    /// <summary>A published file was gone; it was put back.</summary>
    Missing,

    /// <summary>A file nobody published appeared in the output; it was moved to quarantine.</summary>
    Unpublished,

    /// <summary>A published file differs and its true version is not in the object store either.</summary>
    Unrecoverable,
}

/// <summary>One thing the guard found and what it did about it, in the output of the site <paramref name="Site"/>.
/// </summary>
/// <param name="Site">The code of the site whose output it was; "" in events written before sites had codes.</param>
public sealed record TamperEvent(DateTime AtUtc, TamperKind Kind, string Path, string Detail, string Site = "");
