using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace GovPortal.Citizens.Protection;

/// <summary>
/// The cipher that seals new people's data. Each sealed value and file records the one it was made with, so a site
/// that switches keeps reading what the other one sealed.
/// </summary>
public enum PersonalDataAlgorithm
{
    /// <summary>AES-256-GCM (the default, and the only cipher before the choice existed).</summary>
    AesGcm,

    /// <summary>SM4-GCM (GB/T 32907, GB/T 36624) for sites whose 密评 asks for the national ciphers.</summary>
    Sm4Gcm,
}

/// <summary>
/// The authenticated encryption behind <see cref="PersonalDataCipher"/> and the sealed letter files: a 12-byte nonce,
/// a 16-byte tag and associated data, with AES-256-GCM (.NET) or SM4-GCM (BouncyCastle). The key file holds 32-byte
/// keys; SM4 takes a 16-byte key, derived from the file's key with HKDF over SM3, so one key file serves both ciphers
/// and the same bytes are never used as a key by both.
/// </summary>
public static class PersonalDataAead
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>The names used in settings and in sealed values.</summary>
    public const string AesGcmName = "aes-gcm";
    public const string Sm4GcmName = "sm4-gcm";

    private static readonly byte[] Sm4KeyInfo = Encoding.ASCII.GetBytes("GovPortal personal data SM4-GCM key");

    public static string NameOf(PersonalDataAlgorithm algorithm) =>
        algorithm == PersonalDataAlgorithm.Sm4Gcm ? Sm4GcmName : AesGcmName;

    /// <summary>The algorithm a setting names (aes-gcm, sm4-gcm, also aes and sm4), or null.</summary>
    public static PersonalDataAlgorithm? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        AesGcmName or "aes" or "aes-256-gcm" => PersonalDataAlgorithm.AesGcm,
        Sm4GcmName or "sm4" => PersonalDataAlgorithm.Sm4Gcm,
        _ => null,
    };

    public static void Encrypt(PersonalDataAlgorithm algorithm, byte[] key, ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plain, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        if (algorithm == PersonalDataAlgorithm.AesGcm)
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, plain, ciphertext, tag, associatedData);
            return;
        }
        var gcm = Sm4(forEncryption: true, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(plain.Length)];
        var length = gcm.ProcessBytes(plain.ToArray(), 0, plain.Length, output, 0);
        gcm.DoFinal(output, length);
        output.AsSpan(0, plain.Length).CopyTo(ciphertext);
        output.AsSpan(plain.Length, TagSize).CopyTo(tag);
    }

    /// <exception cref="CryptographicException">
    /// The value was changed, or belongs to another key or purpose.
    /// </exception>
    public static void Decrypt(PersonalDataAlgorithm algorithm, byte[] key, ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plain, ReadOnlySpan<byte> associatedData)
    {
        if (algorithm == PersonalDataAlgorithm.AesGcm)
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plain, associatedData);
            return;
        }
        var gcm = Sm4(forEncryption: false, key, nonce, associatedData);
        var input = new byte[ciphertext.Length + TagSize];
        ciphertext.CopyTo(input);
        tag.CopyTo(input.AsSpan(ciphertext.Length));
        var output = new byte[gcm.GetOutputSize(input.Length)];
        try
        {
            var length = gcm.ProcessBytes(input, 0, input.Length, output, 0);
            gcm.DoFinal(output, length);
        }
        catch (InvalidCipherTextException e)
        {
            throw new AuthenticationTagMismatchException("SM4-GCM tag mismatch: " + e.Message);
        }
        output.AsSpan(0, plain.Length).CopyTo(plain);
    }

    private static GcmBlockCipher Sm4(bool forEncryption, byte[] key, ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(forEncryption, new AeadParameters(new KeyParameter(Sm4Key(key)), TagSize * 8, nonce.ToArray(),
            associatedData.ToArray()));
        return gcm;
    }

    /// <summary>HKDF-SM3 of the key file's 32-byte key: the 16-byte SM4 key.</summary>
    private static byte[] Sm4Key(byte[] fileKey)
    {
        var hkdf = new HkdfBytesGenerator(new SM3Digest());
        hkdf.Init(new HkdfParameters(fileKey, null, Sm4KeyInfo));
        var key = new byte[16];
        hkdf.GenerateBytes(key, 0, key.Length);
        return key;
    }
}
