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

    public string PathOf(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(Uri.IsHexDigit))
            throw new ArgumentException("Invalid stored file name.", nameof(storedName));
        return Path.Combine(paths.UploadsDirectory, storedName);
    }
}
