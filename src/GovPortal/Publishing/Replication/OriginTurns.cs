using GovPortal.Publishing.Output;
using Npgsql;

namespace GovPortal.Publishing.Replication;

/// <summary>
/// Several origins may publish into one PostgreSQL database. A site's publishes take turns across all of them
/// through a PostgreSQL advisory lock (session-level, on a connection held for the turn: a process that dies loses
/// its connection, and with it the lock). A turn begins by bringing this origin's output up to the generation the
/// database holds, exactly as a public node follows it, so that a publish is always planned from the pages every
/// other origin published before it. The generation an origin holds is written beside its output
/// (<see cref="OutputLayout.GenerationFile"/>) after each of its own commits and each catch-up.
/// </summary>
public sealed class OriginTurns : IDisposable
{
    // The advisory lock's first key: every site's turn is (this, hashtext(site code)).
    private const int PublishingLockClass = 0x47505055; // "GPPU"

    private readonly NpgsqlDataSource _source;
    private readonly Lazy<bool> _schema;

    public OriginTurns(string connectionString)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        _schema = new Lazy<bool>(() =>
        {
            OutputSchema.Ensure(_source);
            return true;
        });
    }

    /// <summary>
    /// Waits until no other origin publishes the site, then applies what other origins published since this one's
    /// generation. At the start of the process (<paramref name="atStart"/>), a database that holds no generation of
    /// the site, or an older one than this output (restored from a backup), is brought in step with this output
    /// instead (<see cref="PostgresOutputMirror.Reconcile"/>).
    /// </summary>
    public async Task<Turn> TakeAsync(OutputStore store, CancellationToken cancellationToken, bool atStart = false)
    {
        _ = _schema.Value;
        var connection = await _source.OpenConnectionAsync(cancellationToken);
        try
        {
            var site = store.Layout.SiteCode;
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@class, hashtext(@site))", connection))
            {
                take.Parameters.AddWithValue("class", PublishingLockClass);
                take.Parameters.AddWithValue("site", site);
                await take.ExecuteNonQueryAsync(cancellationToken);
            }
            var caughtUp = await CatchUpAsync(connection, store, atStart, cancellationToken);
            return new Turn(connection, site, caughtUp);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Each site's generation in the database; empty before any origin published with it.</summary>
    public async Task<IReadOnlyDictionary<string, long>> GenerationsAsync(CancellationToken cancellationToken)
    {
        _ = _schema.Value;
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        var reader = await GenerationReader.BeginAsync(connection, cancellationToken);
        var sites = await reader.SitesAsync(cancellationToken);
        await reader.EndAsync(cancellationToken);
        return sites;
    }

    private static async Task<IReadOnlyCollection<string>> CatchUpAsync(NpgsqlConnection connection,
        OutputStore store, bool atStart, CancellationToken cancellationToken)
    {
        var site = store.Layout.SiteCode;
        var held = HeldGeneration.Read(store.Layout);
        var reader = await GenerationReader.BeginAsync(connection, cancellationToken);
        var sites = await reader.SitesAsync(cancellationToken);
        if (!sites.TryGetValue(site, out var generation) || generation < held)
        {
            await reader.EndAsync(cancellationToken);
            if (atStart && store.Mirror is PostgresOutputMirror mirror)
            {
                mirror.Reconcile(site, store.Manifest, store.Objects);
                // Reconcile commits nothing when the two already agree: the generation is the database's.
                if (mirror.GenerationOf(site) is { } reconciled) HeldGeneration.Write(store.Layout, reconciled);
            }
            return [];
        }
        if (generation == held)
        {
            await reader.EndAsync(cancellationToken);
            return [];
        }
        // An output that holds no generation (a new origin, or one from before origins took turns) is compared
        // whole: what it already has is taken from its own object store, and nothing it has is written again.
        var rows = await reader.ChangedAsync(site, held, cancellationToken);
        await new GenerationApplier(store).ApplyAsync(reader, rows, complete: held == 0, cancellationToken);
        await reader.EndAsync(cancellationToken);
        HeldGeneration.Write(store.Layout, generation);
        return rows.Select(r => r.Owner).Distinct(StringComparer.Ordinal).ToList();
    }

    public void Dispose() => _source.Dispose();

    /// <summary>
    /// This origin's turn to publish a site; disposing it lets the next origin have it.
    /// </summary>
    /// <param name="CaughtUp">The owners (page keys) of the files other origins published that this turn applied.
    /// </param>
    public sealed class Turn(NpgsqlConnection connection, string site, IReadOnlyCollection<string> caughtUp)
        : IAsyncDisposable
    {
        public IReadOnlyCollection<string> CaughtUp => caughtUp;

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@class, hashtext(@site))",
                    connection);
                release.Parameters.AddWithValue("class", PublishingLockClass);
                release.Parameters.AddWithValue("site", site);
                await release.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
