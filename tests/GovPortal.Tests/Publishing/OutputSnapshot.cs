using GovPortal.Publishing.Output;

namespace GovPortal.Tests.Publishing;

/// <summary>The bytes of every file under the public folder, to compare the site before and after a publish.</summary>
public static class OutputSnapshot
{
    public static Dictionary<string, byte[]> Read(string publicDirectory) =>
        Directory.EnumerateFiles(publicDirectory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(publicDirectory, f).Replace('\\', '/'), File.ReadAllBytes);

    public static Dictionary<string, string> Hashes(Manifest manifest) =>
        manifest.Entries.ToDictionary(e => e.Path, e => e.Sha256);
}
