using System.Data.Common;

namespace GovPortal.Publishing.Output;

/// <summary>
/// A content change saved in a database transaction that is not yet committed: the batch that publishes it writes
/// its generation in the same transaction (<see cref="IOutputMirror.Commit"/>), then <paramref name="Commit"/>s it,
/// and only then switches its manifest. The change and the pages the public may see are saved together or not at all.
/// </summary>
public sealed record ContentChange(DbTransaction Transaction, Action Commit);
