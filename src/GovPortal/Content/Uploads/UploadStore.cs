using System.Security.Cryptography;
using GovPortal.Storage;

namespace GovPortal.Content.Uploads;

/// <summary>Stores uploaded originals outside the public output, under random names that carry no user input.</summary>
public sealed class UploadStore(PortalPaths paths, ISharedFiles? shared = null)
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
        // Every other origin takes it from the database; still before the row that names it.
        shared?.Put(SharedFileAreas.Uploads, storedName, bytes);
        return storedName;
    }

    /// <summary>A smaller copy of a stored picture, <paramref name="width"/> pixels wide, beside it.</summary>
    public void SaveSmaller(string storedName, int width, ReadOnlySpan<byte> bytes)
    {
        var target = LocalPathOfSmaller(storedName, width);
        var temporary = target + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, target, overwrite: true);
        shared?.Put(SharedFileAreas.Uploads, Path.GetFileName(target), bytes);
    }

    /// <summary>The smaller copy's path on this disk, taken from the database first if only another origin had it.
    /// </summary>
    public string PathOfSmaller(string storedName, int width)
    {
        var path = LocalPathOfSmaller(storedName, width);
        shared.EnsureLocal(SharedFileAreas.Uploads, Path.GetFileName(path), path);
        return path;
    }

    private string LocalPathOfSmaller(string storedName, int width) =>
        width is > 0 and < 100_000
            ? LocalPathOf(storedName) + "-" + width.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(width));

    /// <summary>Removes a stored file and any smaller copies of it (a file already gone is no error).</summary>
    public void Delete(string storedName)
    {
        File.Delete(LocalPathOf(storedName));
        shared?.Delete(SharedFileAreas.Uploads, storedName);
        foreach (var width in ImageReencoder.SmallerWidths)
        {
            var smaller = LocalPathOfSmaller(storedName, width);
            File.Delete(smaller);
            shared?.Delete(SharedFileAreas.Uploads, Path.GetFileName(smaller));
        }
    }

    /// <summary>The stored file's path on this disk, taken from the database first if only another origin had it.
    /// </summary>
    public string PathOf(string storedName)
    {
        var path = LocalPathOf(storedName);
        shared.EnsureLocal(SharedFileAreas.Uploads, storedName, path);
        return path;
    }

    private string LocalPathOf(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(Uri.IsHexDigit))
            throw new ArgumentException("Invalid stored file name.", nameof(storedName));
        return Path.Combine(paths.UploadsDirectory, storedName);
    }
}
