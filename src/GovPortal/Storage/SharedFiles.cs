namespace GovPortal.Storage;

/// <summary>
/// Files of the data folder that every origin must see when several run side by side on one PostgreSQL database:
/// uploaded attachments and pictures, the sealed files citizens attach to letters, and the content-safety lists.
/// Each is written to this origin's folder as before and, with PostgreSQL, also to the database before the row that
/// names it is saved; an origin that lacks one (it was uploaded through another) takes it from the database at its
/// first use (<see cref="SharedFileAreas.EnsureLocal"/>). Without PostgreSQL there is none, and the folder is all
/// there is.
/// </summary>
public interface ISharedFiles
{
    void Put(string area, string name, ReadOnlySpan<byte> content);

    /// <returns>The file's bytes; null when the database holds no such file.</returns>
    byte[]? Get(string area, string name);

    /// <summary>Forgets a file (one already gone is no error).</summary>
    void Delete(string area, string name);

    /// <summary>The files the database holds in an area, each with the time it was last saved.</summary>
    IReadOnlyDictionary<string, DateTime> Saved(string area);
}

public static class SharedFileAreas
{
    /// <summary>
    /// Copies into the database every file of the folder it does not hold yet (an origin that ran before files were
    /// shared, or alone on SQLite before it moved to PostgreSQL).
    /// </summary>
    /// <returns>How many files were copied.</returns>
    public static int ShareWhatIsOnlyHere(this ISharedFiles shared, string area, string directory)
    {
        if (!Directory.Exists(directory)) return 0;
        var held = shared.Saved(area);
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".tmp", StringComparison.Ordinal) || held.ContainsKey(name)) continue;
            shared.Put(area, name, File.ReadAllBytes(file));
            copied++;
        }
        return copied;
    }

    public const string Uploads = "uploads";
    public const string LetterFiles = "letters";

    /// <summary>The platform's content-safety lists, and each site's additions (<c>sites/{code}/{list}</c>).</summary>
    public const string SafetyLists = "safety";

    /// <summary>
    /// Makes sure the file at <paramref name="path"/> is on this disk: when it is not and the database holds it, it
    /// is written there (under a temporary name, then renamed, so a reader never sees half of it).
    /// </summary>
    public static void EnsureLocal(this ISharedFiles? shared, string area, string name, string path,
        bool ownerOnly = false)
    {
        if (shared is null || File.Exists(path) || shared.Get(area, name) is not { } content) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (ownerOnly && !OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
