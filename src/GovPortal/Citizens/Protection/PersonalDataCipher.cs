using System.Security.Cryptography;
using System.Text;

namespace GovPortal.Citizens.Protection;

/// <summary>
/// Seals people's data (names, ID numbers, phones, addresses, e-mails, what they wrote) before it is stored, with
/// AES-256-GCM or, where the site chose it, SM4-GCM (<see cref="PersonalDataAlgorithm"/>). A sealed value names its
/// key and cipher: <c>{key id}:{base64(nonce ‖ ciphertext ‖ tag)}</c> is AES-256-GCM (the format from before the
/// choice existed, still written for AES), <c>{key id}:sm4-gcm:{base64(…)}</c> is SM4-GCM. So rows sealed before a
/// key rotation or a change of cipher stay readable. The purpose (e.g. the table and column) is bound as associated
/// data, so a value copied into another column does not open.
/// </summary>
public sealed class PersonalDataCipher
{
    private readonly Lazy<PersonalDataKeys> _keys;

    public PersonalDataCipher(PersonalDataKeys keys, PersonalDataAlgorithm algorithm = PersonalDataAlgorithm.AesGcm)
    {
        _keys = new Lazy<PersonalDataKeys>(() => keys);
        Algorithm = algorithm;
    }

    /// <summary>
    /// Reads the key file at the first use: the start checks it against the database (see PersonalDataKeyStartup)
    /// after the schema is ready, while services that hold the cipher may be made before that.
    /// </summary>
    public PersonalDataCipher(Func<PersonalDataKeys> keys,
        PersonalDataAlgorithm algorithm = PersonalDataAlgorithm.AesGcm)
    {
        _keys = new Lazy<PersonalDataKeys>(keys);
        Algorithm = algorithm;
    }

    /// <summary>The cipher new values are sealed with.</summary>
    public PersonalDataAlgorithm Algorithm { get; }

    private PersonalDataKeys Keys => _keys.Value;

    private const int NonceSize = PersonalDataAead.NonceSize;
    private const int TagSize = PersonalDataAead.TagSize;

    public string Seal(string plain, string purpose)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + data.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        PersonalDataAead.Encrypt(Algorithm, Keys.CurrentKey, nonce, data, sealedBytes.AsSpan(NonceSize, data.Length),
            sealedBytes.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(purpose));
        var marker = Algorithm == PersonalDataAlgorithm.AesGcm ? "" : PersonalDataAead.Sm4GcmName + ":";
        return Keys.CurrentId + ":" + marker + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plain text, or throws when the key is missing or the value was changed.</summary>
    public string Open(string sealedText, string purpose)
    {
        var colon = sealedText.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw new CryptographicException("Not a sealed value.");
        var key = Keys.KeyOf(sealedText[..colon])
                  ?? throw new CryptographicException($"Key {sealedText[..colon]} is not in the key file.");
        var (algorithm, payload) = AlgorithmOf(sealedText[(colon + 1)..]);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(payload);
        }
        catch (FormatException)
        {
            throw new CryptographicException("Sealed value is not Base64.");
        }
        if (bytes.Length < NonceSize + TagSize) throw new CryptographicException("Sealed value too short.");
        var plain = new byte[bytes.Length - NonceSize - TagSize];
        PersonalDataAead.Decrypt(algorithm, key, bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, plain.Length),
            bytes.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id a sealed value was made with (for re-sealing after a rotation).</summary>
    public static string KeyIdOf(string sealedText) =>
        sealedText.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? sealedText[..colon] : "";

    /// <summary>The cipher a sealed value was made with.</summary>
    public static PersonalDataAlgorithm CipherOf(string sealedText) =>
        sealedText.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? AlgorithmOf(sealedText[(colon + 1)..]).Algorithm
            : throw new CryptographicException("Not a sealed value.");

    // Base64 has no ':', so a name before one is the cipher; none is AES-256-GCM.
    private static (PersonalDataAlgorithm Algorithm, string Payload) AlgorithmOf(string afterKeyId)
    {
        var colon = afterKeyId.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return (PersonalDataAlgorithm.AesGcm, afterKeyId);
        return afterKeyId[..colon] == PersonalDataAead.Sm4GcmName
            ? (PersonalDataAlgorithm.Sm4Gcm, afterKeyId[(colon + 1)..])
            : throw new CryptographicException($"Unknown cipher {afterKeyId[..colon]} in a sealed value.");
    }
}
