namespace GovPortal.Publishing;

/// <summary>
/// A page a publish could not make: the key, and what went wrong, in words for the web team. The page keeps its last
/// published version; every other page of the publish goes on.
/// </summary>
public sealed record PageFailure(PageKey Key, string Message);
