using System.Security.Cryptography;
using System.Text;
using GovPortal.Citizens.Protection;
using GovPortal.Storage;

namespace GovPortal.Interaction.Letters;

/// <summary>
/// Keeps the files citizens attach to letters in <see cref="PortalPaths.LetterFilesDirectory"/>, each sealed with the
/// people's-data key (AES-256-GCM or SM4-GCM, like <see cref="PersonalDataCipher"/>) under a random name: the bytes
/// are never on disk in clear and never under the output. The letter's number and the stored name are bound as
/// associated data, so a file moved to another letter or renamed does not open. File layout: <c>GPLF2</c>, the
/// cipher (one byte: 1 AES-256-GCM, 2 SM4-GCM), the key id's length (one byte) and the key id, the 12-byte nonce, the
/// 16-byte tag, then the ciphertext. Files written before the choice of cipher start with <c>GPLF1</c> and no cipher
/// byte, and are AES-256-GCM.
/// </summary>
public sealed class LetterFiles(PortalPaths paths, Func<PersonalDataKeys> keyFile,
    PersonalDataAlgorithm algorithm = PersonalDataAlgorithm.AesGcm, ISharedFiles? shared = null)
{
    private const int NonceSize = PersonalDataAead.NonceSize;
    private const int TagSize = PersonalDataAead.TagSize;
    private static readonly byte[] Magic = "GPLF2"u8.ToArray();
    private static readonly byte[] AesOnlyMagic = "GPLF1"u8.ToArray();

    // The key file is read at the first use, after the start has checked it against the database.
    private PersonalDataKeys Keys => keyFile();

    /// <summary>Seals <paramref name="content"/> into a new file for the letter; returns its stored name.</summary>
    public string Save(ReadOnlySpan<byte> content, string letterNumber)
    {
        Directory.CreateDirectory(paths.LetterFilesDirectory);
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var keys = Keys;
        var keyId = Encoding.ASCII.GetBytes(keys.CurrentId);
        var header = Magic.Length + 2 + keyId.Length;
        var sealedBytes = new byte[header + NonceSize + TagSize + content.Length];
        Magic.CopyTo(sealedBytes, 0);
        sealedBytes[Magic.Length] = algorithm == PersonalDataAlgorithm.Sm4Gcm ? (byte)2 : (byte)1;
        sealedBytes[Magic.Length + 1] = (byte)keyId.Length;
        keyId.CopyTo(sealedBytes, Magic.Length + 2);
        var nonce = sealedBytes.AsSpan(header, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        PersonalDataAead.Encrypt(algorithm, keys.CurrentKey, nonce, content,
            sealedBytes.AsSpan(header + NonceSize + TagSize), sealedBytes.AsSpan(header + NonceSize, TagSize),
            Purpose(letterNumber, storedName));
        var target = PathOf(storedName);
        var temporary = target + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
            stream.Write(sealedBytes);
        File.Move(temporary, target);
        // Sealed as on the disk: other origins take it from the database, still before the letter's row.
        shared?.Put(SharedFileAreas.LetterFiles, storedName, sealedBytes);
        return storedName;
    }

    /// <summary>The attachment's bytes; throws <see cref="CryptographicException"/> when the file was changed or its
    /// key is missing.</summary>
    public byte[] Open(LetterAttachment attachment, string letterNumber)
    {
        var path = PathOf(attachment.StoredName);
        shared.EnsureLocal(SharedFileAreas.LetterFiles, attachment.StoredName, path, ownerOnly: true);
        var sealedBytes = File.ReadAllBytes(path);
        var (cipher, at) = CipherOf(sealedBytes);
        if (sealedBytes.Length < at + 1) throw new CryptographicException("Sealed letter file too short.");
        int keyIdLength = sealedBytes[at];
        var header = at + 1 + keyIdLength;
        if (sealedBytes.Length < header + NonceSize + TagSize)
            throw new CryptographicException("Sealed letter file too short.");
        var keyId = Encoding.ASCII.GetString(sealedBytes, at + 1, keyIdLength);
        var key = Keys.KeyOf(keyId) ?? throw new CryptographicException($"Key {keyId} is not in the key file.");
        var plain = new byte[sealedBytes.Length - header - NonceSize - TagSize];
        PersonalDataAead.Decrypt(cipher, key, sealedBytes.AsSpan(header, NonceSize),
            sealedBytes.AsSpan(header + NonceSize + TagSize), sealedBytes.AsSpan(header + NonceSize, TagSize), plain,
            Purpose(letterNumber, attachment.StoredName));
        return plain;
    }

    /// <summary>The cipher a sealed file was made with, and where its key id's length is.</summary>
    public static (PersonalDataAlgorithm Cipher, int KeyIdAt) CipherOf(byte[] sealedBytes)
    {
        if (sealedBytes.AsSpan().StartsWith(AesOnlyMagic)) return (PersonalDataAlgorithm.AesGcm, AesOnlyMagic.Length);
        if (sealedBytes.Length <= Magic.Length || !sealedBytes.AsSpan().StartsWith(Magic))
            throw new CryptographicException("Not a sealed letter file.");
        return sealedBytes[Magic.Length] switch
        {
            1 => (PersonalDataAlgorithm.AesGcm, Magic.Length + 1),
            2 => (PersonalDataAlgorithm.Sm4Gcm, Magic.Length + 1),
            var other => throw new CryptographicException($"Unknown cipher {other} in a sealed letter file."),
        };
    }

    /// <summary>Removes a sealed file whose letter was not saved (a failed transaction).</summary>
    public void Delete(string storedName)
    {
        var file = PathOf(storedName);
        if (File.Exists(file)) File.Delete(file);
        shared?.Delete(SharedFileAreas.LetterFiles, storedName);
    }

    public string PathOf(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Invalid stored file name.", nameof(storedName));
        return Path.Combine(paths.LetterFilesDirectory, storedName);
    }

    private static byte[] Purpose(string letterNumber, string storedName) =>
        Encoding.UTF8.GetBytes($"letter-file:{letterNumber}:{storedName}");
}
