namespace GovPortal.Publishing.Output;

/// <summary>
/// A side file the publisher writes into a site's output for the public server (the withdrawn list, the days of
/// mourning, old addresses, site.json), parsed once per version: a request costs one manifest look-up, and the file
/// is read and parsed again only when the manifest records a new hash. Only content the manifest vouches for is
/// parsed (<see cref="OutputStore.PublishedContentOf"/>).
/// </summary>
/// <param name="parse">Turns the published content, or null when there is none, into the value asked for.</param>
public sealed class PublishedSideFile<T>(OutputStore output, string path, Func<byte[]?, T> parse)
{
    // Swapped whole, so a request never sees one version's hash with another's value.
    private volatile Loaded? _loaded;

    private sealed record Loaded(FileHash? Hash, T Value);

    public T Current()
    {
        FileHash? hash = output.Manifest.TryGet(path, out var entry) ? entry.Hash : null;
        var loaded = _loaded;
        if (loaded is not null && loaded.Hash == hash) return loaded.Value;
        var content = hash is null ? null : output.PublishedContentOf(path);
        var value = parse(content);
        // A version whose true content could not be had is not remembered: it is looked for again next time.
        _loaded = new Loaded(content is null ? null : hash, value);
        return value;
    }
}
