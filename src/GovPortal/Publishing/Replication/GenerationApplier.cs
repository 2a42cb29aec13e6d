using System.Security.Cryptography;
using GovPortal.Publishing.Output;

namespace GovPortal.Publishing.Replication;

/// <summary>
/// Brings one site's output on a public node to the origin's generation: every changed file is fetched (or taken
/// from the node's own object store), checked against its SHA-256, written atomically in one batch, and the
/// manifest switched at the batch's commit, exactly as a publish on the origin does. Anything that does not check
/// out stops the whole step and rolls the batch back: the node keeps serving the generation it had.
/// </summary>
internal sealed class GenerationApplier(OutputStore store)
{
    // Rows handled together: their missing contents are fetched in one query and dropped before the next rows.
    private const int RowsPerRound = 400;

    /// <summary>Applies <paramref name="rows"/>; with <paramref name="complete"/>, they are the whole output.</summary>
    /// <returns>Files written and files removed.</returns>
    public async Task<(int Written, int Removed)> ApplyAsync(GenerationReader reader, List<ReplicatedFile> rows,
        bool complete, CancellationToken cancellationToken)
    {
        var live = rows.Where(r => !r.Removed).ToDictionary(r => r.Path, StringComparer.Ordinal);
        var removals = rows.Where(r => r.Removed).Select(r => r.Path).ToList();
        if (complete)
            removals.AddRange(store.Manifest.Entries.Select(e => e.Path).Where(path => !live.ContainsKey(path)));
        var removed = new HashSet<string>(removals, StringComparer.Ordinal);

        using var batch = store.BeginBatch();
        // A page and its variants in one round, so that the page's content is at hand for them.
        var round = new List<ReplicatedFile>();
        foreach (var group in live.Values.GroupBy(r => r.VariantOf ?? r.Path, StringComparer.Ordinal))
        {
            round.AddRange(group);
            if (round.Count < RowsPerRound) continue;
            await ApplyRoundAsync(reader, batch, round, live, removed, cancellationToken);
            round = [];
        }
        if (round.Count > 0) await ApplyRoundAsync(reader, batch, round, live, removed, cancellationToken);
        batch.CommitExactly(removals);
        return (batch.FilesWritten, removals.Count(path => !live.ContainsKey(path)));
    }

    private async Task ApplyRoundAsync(GenerationReader reader, OutputBatch batch, List<ReplicatedFile> round,
        Dictionary<string, ReplicatedFile> live, HashSet<string> removed, CancellationToken cancellationToken)
    {
        // The content each row is made from: its own, or for a variant the page it compresses.
        var sources = round.ToDictionary(r => r.Path, r => SourceOf(r, live, removed), StringComparer.Ordinal);
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var stored = new Dictionary<string, (bool Brotli, byte[] Stored)>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var sha in sources.Values.Distinct())
        {
            if (store.Objects.TryGet(sha) is { } own) contents[sha] = own;
            else missing.Add(sha);
        }
        foreach (var (sha, object_) in await reader.ObjectsAsync(missing, cancellationToken))
        {
            var content = object_.Brotli ? Precompressor.Unbrotli(object_.Stored) : object_.Stored;
            if (Sha256Of(content) != sha) throw new ReplicationException($"源站数据库中的文件内容校验失败（{sha}）");
            contents[sha] = content;
            stored[sha] = object_;
            batch.KeepContent(sha, object_.Brotli, object_.Stored);
        }
        foreach (var row in round)
        {
            var source = sources[row.Path];
            if (!contents.TryGetValue(source, out var content))
                throw new ReplicationException($"源站数据库中缺少文件 {row.Path} 的内容");
            var bytes = row.VariantOf is null || source == row.Sha256
                ? content
                : VariantOf(row, content, stored.GetValueOrDefault(source));
            if (Sha256Of(bytes) != row.Sha256)
                throw new ReplicationException($"文件 {row.Path} 与源站记录的 SHA-256 不一致");
            batch.WriteExactly(row.Owner, new OutputFile(row.Path, bytes, row.DownloadName), row.ModifiedUtc);
        }
    }

    /// <summary>
    /// The hash of the content a row is made from: a .gz or .br variant is made from its page (in this generation,
    /// or unchanged in the node's manifest), any other file is its own content.
    /// </summary>
    private string SourceOf(ReplicatedFile row, Dictionary<string, ReplicatedFile> live, HashSet<string> removed)
    {
        if (row.VariantOf is { } page)
        {
            if (live.TryGetValue(page, out var changed)) return changed.Sha256!;
            if (!removed.Contains(page) && store.Manifest.TryGet(page, out var kept)) return kept.Sha256;
        }
        return row.Sha256!;
    }

    /// <summary>
    /// A variant made again from its page: the brotli bytes the origin stored are the .br file itself; gzip is
    /// deterministic for the same content and level, and the caller checks the hash either way.
    /// </summary>
    private static byte[] VariantOf(ReplicatedFile row, byte[] page, (bool Brotli, byte[] Stored) stored)
    {
        if (FileForms.Of(row.Path, out _) == FileForm.Brotli)
            return stored.Brotli && stored.Stored is { } brotli && Sha256Of(brotli) == row.Sha256
                ? brotli
                : Precompressor.Brotli(page);
        return Precompressor.Gzip(page);
    }

    private static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

/// <summary>A generation that cannot be applied as the origin published it; the node keeps what it had.</summary>
public sealed class ReplicationException(string message) : Exception(message);
