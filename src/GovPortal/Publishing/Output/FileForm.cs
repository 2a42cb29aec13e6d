namespace GovPortal.Publishing.Output;

/// <summary>Which file of a group a path names: the file itself, or its gzip (.gz) or brotli (.br) form.</summary>
public enum FileForm : byte
{
    File = 0,
    Gzip = 1,
    Brotli = 2,
}

public static class FileForms
{
    /// <summary>
    /// The form <paramref name="path"/> names and the length of its group's path: x.html.gz is the gzip form of
    /// x.html. Any path ending in .gz or .br counts, whatever precedes it, so a path has exactly one place.
    /// </summary>
    public static FileForm Of(string path, out int groupPathLength)
    {
        groupPathLength = path.Length - 3;
        if (path.EndsWith(".gz", StringComparison.Ordinal)) return FileForm.Gzip;
        if (path.EndsWith(".br", StringComparison.Ordinal)) return FileForm.Brotli;
        groupPathLength = path.Length;
        return FileForm.File;
    }

    /// <summary>The form's bit in a set of forms held as one byte (1 &lt;&lt; form).</summary>
    public static byte BitOf(FileForm form) => (byte)(1 << (int)form);

    public static string Suffix(FileForm form) => form switch
    {
        FileForm.Gzip => ".gz",
        FileForm.Brotli => ".br",
        _ => "",
    };

    /// <summary>The path of <paramref name="form"/> in the group at <paramref name="groupPath"/>.</summary>
    public static string PathOf(string groupPath, FileForm form) =>
        form == FileForm.File ? groupPath : groupPath + Suffix(form);
}
