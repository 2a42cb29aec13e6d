using System.Reflection;
using System.Security.Cryptography;

namespace GovPortal.Publishing.Rendering;

/// <summary>
/// The theme's stylesheet and script, published under content-hashed names so that browsers may cache them
/// forever and a theme change reaches readers at once.
/// </summary>
public sealed class ThemeAssets
{
    public ThemeAssets()
    {
        Stylesheet = Read("site.css");
        Script = Read("site.js");
        StylesheetPath = HashedName("site", "css", Stylesheet);
        ScriptPath = HashedName("site", "js", Script);
    }

    public byte[] Stylesheet { get; }
    public byte[] Script { get; }
    public string StylesheetPath { get; }
    public string ScriptPath { get; }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GovPortal.Theme." + name)
            ?? throw new InvalidOperationException($"Theme asset {name} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string HashedName(string stem, string extension, byte[] content) =>
        $"assets/{stem}.{Convert.ToHexStringLower(SHA256.HashData(content))[..12]}.{extension}";
}
