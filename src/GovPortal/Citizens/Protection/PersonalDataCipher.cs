using System.Security.Cryptography;
using System.Text;

namespace GovPortal.Citizens.Protection;

/// <summary>
/// Seals people's data (names, ID numbers, phones, addresses, e-mails, what they wrote) with AES-256-GCM before it is
/// stored: <c>{key id}:{base64(nonce ‖ ciphertext ‖ tag)}</c>. The key id travels with each value, so rows sealed
/// before a key rotation stay readable; the purpose (e.g. the table and column) is bound as associated data, so a
/// value copied into another column does not open.
/// </summary>
public sealed class PersonalDataCipher
{
    private readonly Lazy<PersonalDataKeys> _keys;

    public PersonalDataCipher(PersonalDataKeys keys) => _keys = new Lazy<PersonalDataKeys>(() => keys);

    /// <summary>
    /// Reads the key file at the first use: the start checks it against the database (see PersonalDataKeyStartup)
    /// after the schema is ready, while services that hold the cipher may be made before that.
    /// </summary>
    public PersonalDataCipher(Func<PersonalDataKeys> keys) => _keys = new Lazy<PersonalDataKeys>(keys);

    private PersonalDataKeys Keys => _keys.Value;

    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Seal(string plain, string purpose)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + data.Length + TagSize];
        nonce.CopyTo(sealedBytes, 0);
        using var aes = new AesGcm(Keys.CurrentKey, TagSize);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceSize, data.Length),
            sealedBytes.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(purpose));
        return Keys.CurrentId + ":" + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plain text, or throws when the key is missing or the value was changed.</summary>
    public string Open(string sealedText, string purpose)
    {
        var colon = sealedText.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw new CryptographicException("Not a sealed value.");
        var key = Keys.KeyOf(sealedText[..colon])
                  ?? throw new CryptographicException($"Key {sealedText[..colon]} is not in the key file.");
        var bytes = Convert.FromBase64String(sealedText[(colon + 1)..]);
        if (bytes.Length < NonceSize + TagSize) throw new CryptographicException("Sealed value too short.");
        var plain = new byte[bytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, plain.Length),
            bytes.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id a sealed value was made with (for re-sealing after a rotation).</summary>
    public static string KeyIdOf(string sealedText) =>
        sealedText.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? sealedText[..colon] : "";
}
