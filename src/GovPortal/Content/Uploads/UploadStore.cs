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
        File.WriteAllBytes(temporary, bytes.ToArray());
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
