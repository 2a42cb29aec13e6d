using System.Globalization;

namespace GovPortal.Publishing.Output;

/// <summary>
/// With PostgreSQL: the generation of the database (<c>Publishing/Replication/OutputSchema</c>) that a site's output on
/// this disk holds, written beside it (<see cref="OutputLayout.GenerationFile"/>) once the manifest holds it.
/// </summary>
public static class HeldGeneration
{
    /// <returns>The generation; 0 when this output holds none yet.</returns>
    public static long Read(OutputLayout layout)
    {
        try
        {
            return long.TryParse(File.ReadAllText(layout.GenerationFile).Trim(), NumberStyles.None,
                CultureInfo.InvariantCulture, out var generation) ? generation : 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
    }

    public static void Write(OutputLayout layout, long generation)
    {
        var temporary = layout.GenerationFile + ".tmp";
        File.WriteAllText(temporary, generation.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, layout.GenerationFile, overwrite: true);
    }
}
