using System.Security.Cryptography;
using GovPortal.Storage;

namespace GovPortal.Content.Uploads;

/// <summary>Stores uploaded originals outside the public output, under random names that carry no user input.</summary>
public sealed class UploadStore(PortalPaths paths)
{
    public string Save(ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(paths.UploadsDirectory);
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var target = Path.Combine(paths.UploadsDirectory, storedName);
        var temporary = target + ".tmp";
        // On the disk before the database row that names it is saved: a power cut never leaves a row without its file.
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, target);
        return storedName;
    }

    /// <summary>A smaller copy of a stored picture, <paramref name="width"/> pixels wide, beside it.</summary>
    public void SaveSmaller(string storedName, int width, ReadOnlySpan<byte> bytes)
    {
        var target = PathOfSmaller(storedName, width);
        var temporary = target + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, target, overwrite: true);
    }

    public string PathOfSmaller(string storedName, int width) =>
        width is > 0 and < 100_000
            ? PathOf(storedName) + "-" + width.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(width));

    /// <summary>Removes a stored file and any smaller copies of it (a file already gone is no error).</summary>
    public void Delete(string storedName)
    {
        File.Delete(PathOf(storedName));
        foreach (var width in ImageReencoder.SmallerWidths) File.Delete(PathOfSmaller(storedName, width));
    }

    public string PathOf(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(Uri.IsHexDigit))
            throw new ArgumentException("Invalid stored file name.", nameof(storedName));
        return Path.Combine(paths.UploadsDirectory, storedName);
    }
}
