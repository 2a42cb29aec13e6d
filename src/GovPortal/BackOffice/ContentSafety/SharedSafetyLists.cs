using GovPortal.Safety.Scanning;
using GovPortal.Storage;

namespace GovPortal.BackOffice.ContentSafety;

/// <summary>
/// Several origins on one PostgreSQL database check content against the same lists: a list saved through one
/// (<see cref="SafetyLists.Save"/>) is also saved to the database, and every origin writes a newer one it finds
/// there into its own data/safety and takes it into use (<see cref="Follow"/>, every second).
/// </summary>
public sealed class SharedSafetyLists(PortalPaths paths, PageScanner scanner, ISharedFiles shared)
{
    private readonly Dictionary<string, DateTime> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The name a list has in the database: the platform's by its file name, a site's under its code.
    /// </summary>
    public static string NameOf(string list, string? siteCode) => siteCode is null ? list : $"sites/{siteCode}/{list}";

    /// <summary>
    /// At the start: lists only this origin's folder holds (saved before lists were shared) go to the database.
    /// </summary>
    public int ShareWhatIsOnlyHere()
    {
        var held = shared.Saved(SharedFileAreas.SafetyLists);
        var copied = 0;
        foreach (var (name, path) in LocalLists().Where(l => !held.ContainsKey(l.Name)))
        {
            shared.Put(SharedFileAreas.SafetyLists, name, File.ReadAllBytes(path));
            copied++;
        }
        return copied;
    }

    /// <summary>Writes every list the database holds in a newer version than this origin last saw, and reloads it.
    /// </summary>
    /// <returns>How many lists changed on this disk.</returns>
    public int Follow()
    {
        lock (_lock)
        {
            var changed = 0;
            foreach (var (name, saved) in shared.Saved(SharedFileAreas.SafetyLists))
            {
                if (_seen.TryGetValue(name, out var seen) && seen >= saved) continue;
                if (PathOf(name) is not { } found
                    || shared.Get(SharedFileAreas.SafetyLists, name) is not { } content)
                    continue;
                var (path, siteCode) = found;
                _seen[name] = saved;
                if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path + ".tmp", content);
                File.Move(path + ".tmp", path, overwrite: true);
                scanner.ReloadWordLists(siteCode);
                changed++;
            }
            return changed;
        }
    }

    /// <summary>Where a list of the database belongs on this disk; null for a name no list has.</summary>
    private (string Path, string? SiteCode)? PathOf(string name)
    {
        var parts = name.Split('/');
        if (parts is [var list] && IsList(list)) return (Path.Combine(paths.SafetyListsDirectory, list), null);
        if (parts is ["sites", var code, var own] && IsList(own)
            && Publishing.Output.OutputLayout.IsValidSiteCode(code))
            return (Path.Combine(paths.SiteSafetyListsDirectory(code), own), code);
        return null;
    }

    private static bool IsList(string file) => file is SafetyLists.SensitiveWords or SafetyLists.Wording;

    private IEnumerable<(string Name, string Path)> LocalLists()
    {
        foreach (var list in new[] { SafetyLists.SensitiveWords, SafetyLists.Wording })
        {
            var platform = Path.Combine(paths.SafetyListsDirectory, list);
            if (File.Exists(platform)) yield return (NameOf(list, null), platform);
            var sites = Path.Combine(paths.SafetyListsDirectory, "sites");
            if (!Directory.Exists(sites)) continue;
            foreach (var site in Directory.EnumerateDirectories(sites))
            {
                var own = Path.Combine(site, list);
                if (File.Exists(own)) yield return (NameOf(list, Path.GetFileName(site)), own);
            }
        }
    }
}
