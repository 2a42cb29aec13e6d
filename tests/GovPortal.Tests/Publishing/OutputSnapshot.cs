using GovPortal.Publishing.Output;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// The bytes of every file under the public folder and of every side file beside it (by manifest path), to compare
/// the site before and after a publish.
/// </summary>
public static class OutputSnapshot
{
    public static Dictionary<string, byte[]> Read(OutputLayout layout)
    {
        var files = Directory.EnumerateFiles(layout.PublicDirectory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(layout.PublicDirectory, f).Replace('\\', '/'), File.ReadAllBytes);
        foreach (var side in OutputLayout.SideFiles)
            if (File.Exists(layout.FullPathOf(side))) files[side] = File.ReadAllBytes(layout.FullPathOf(side));
        return files;
    }

    public static Dictionary<string, string> Hashes(Manifest manifest) =>
        manifest.Entries.ToDictionary(e => e.Path, e => e.Sha256);
}
