using System.Security.Cryptography;
using System.Text;
using GovPortal.Citizens.Protection;
using GovPortal.Hosting;
using GovPortal.Interaction.Letters;
using GovPortal.Storage;
using GovPortal.Tests.Support;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace GovPortal.Tests.Citizens;

/// <summary>
/// SM4-GCM beside AES-256-GCM for people's data: each sealed value and letter file records its cipher, so switching
/// the setting leaves every older row readable, rotation works for both, and a changed byte never opens.
/// </summary>
public sealed class PersonalDataCipherChoiceTests
{
    private const string Applicant = "张三 320507198001011231 13912345678";

    [Fact]
    public void Sm4_values_round_trip_record_their_cipher_and_open_only_with_their_purpose()
    {
        using var folder = new TempDirectory();
        var keys = PersonalDataKeys.Create(Path.Combine(folder.Path, "personal-data.keys"));
        var sm4 = new PersonalDataCipher(keys, PersonalDataAlgorithm.Sm4Gcm);
        var sealedText = sm4.Seal(Applicant, "applicant:YSQ1");
        Assert.StartsWith(keys.CurrentId + ":sm4-gcm:", sealedText);
        Assert.DoesNotContain("张三", sealedText);
        Assert.Equal(PersonalDataAlgorithm.Sm4Gcm, PersonalDataCipher.CipherOf(sealedText));
        Assert.Equal(keys.CurrentId, PersonalDataCipher.KeyIdOf(sealedText));
        Assert.NotEqual(sealedText, sm4.Seal(Applicant, "applicant:YSQ1"));
        Assert.Equal(Applicant, sm4.Open(sealedText, "applicant:YSQ1"));
        Assert.ThrowsAny<CryptographicException>(() => sm4.Open(sealedText, "applicant:YSQ2"));

        // AES values keep the format they always had (no cipher name), and say so.
        var aes = new PersonalDataCipher(keys).Seal(Applicant, "p");
        Assert.Equal(PersonalDataAlgorithm.AesGcm, PersonalDataCipher.CipherOf(aes));
        Assert.Matches("^" + keys.CurrentId + ":[A-Za-z0-9+/=]+$", aes);
        // An unknown cipher name is refused, never guessed.
        Assert.ThrowsAny<CryptographicException>(
            () => sm4.Open(sealedText.Replace(":sm4-gcm:", ":rc4:"), "applicant:YSQ1"));
    }

    [Fact]
    public void The_sm4_value_is_sm4_gcm_under_a_key_derived_with_hkdf_sm3()
    {
        // Written out with BouncyCastle alone, so the construction is pinned and another tool can read the data.
        using var folder = new TempDirectory();
        var keys = PersonalDataKeys.Create(Path.Combine(folder.Path, "personal-data.keys"));
        var sealedText = new PersonalDataCipher(keys, PersonalDataAlgorithm.Sm4Gcm).Seal(Applicant, "purpose");
        var bytes = Convert.FromBase64String(sealedText[(keys.CurrentId.Length + ":sm4-gcm:".Length)..]);
        var hkdf = new HkdfBytesGenerator(new SM3Digest());
        hkdf.Init(new HkdfParameters(keys.CurrentKey, null,
            Encoding.ASCII.GetBytes("GovPortal personal data SM4-GCM key")));
        var sm4Key = new byte[16];
        hkdf.GenerateBytes(sm4Key, 0, 16);
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(false,
            new AeadParameters(new KeyParameter(sm4Key), 128, bytes[..12], Encoding.UTF8.GetBytes("purpose")));
        var plain = new byte[gcm.GetOutputSize(bytes.Length - 12)];
        var length = gcm.ProcessBytes(bytes, 12, bytes.Length - 12, plain, 0);
        length += gcm.DoFinal(plain, length);
        Assert.Equal(Applicant, Encoding.UTF8.GetString(plain, 0, length));
    }

    [Theory]
    [InlineData(PersonalDataAlgorithm.AesGcm)]
    [InlineData(PersonalDataAlgorithm.Sm4Gcm)]
    public void Every_changed_byte_of_a_sealed_value_fails_to_open(PersonalDataAlgorithm algorithm)
    {
        using var folder = new TempDirectory();
        var keys = PersonalDataKeys.Create(Path.Combine(folder.Path, "personal-data.keys"));
        var cipher = new PersonalDataCipher(keys, algorithm);
        var sealedText = cipher.Seal("李四", "p");
        var prefixLength = sealedText.LastIndexOf(':') + 1;
        var bytes = Convert.FromBase64String(sealedText[prefixLength..]);
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x01;
            var text = sealedText[..prefixLength] + Convert.ToBase64String(changed);
            Assert.ThrowsAny<CryptographicException>(() => cipher.Open(text, "p"));
        }
        // The same bytes read as the other cipher do not open either.
        var relabelled = algorithm == PersonalDataAlgorithm.AesGcm
            ? keys.CurrentId + ":sm4-gcm:" + sealedText[prefixLength..]
            : keys.CurrentId + ":" + sealedText[prefixLength..];
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(relabelled, "p"));
        Assert.Equal("李四", cipher.Open(sealedText, "p"));
    }

    [Fact]
    public void Switching_the_cipher_and_rotating_the_key_leave_every_older_value_readable()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "personal-data.keys");
        var first = PersonalDataKeys.Create(file);
        var aesBefore = new PersonalDataCipher(first).Seal("王五", "p");
        var sm4Before = new PersonalDataCipher(first, PersonalDataAlgorithm.Sm4Gcm).Seal("赵六", "p");

        var rotated = PersonalDataKeys.Rotate(file);
        var keys = PersonalDataKeys.Open(file);
        foreach (var algorithm in new[] { PersonalDataAlgorithm.AesGcm, PersonalDataAlgorithm.Sm4Gcm })
        {
            var cipher = new PersonalDataCipher(keys, algorithm);
            Assert.Equal("王五", cipher.Open(aesBefore, "p"));
            Assert.Equal("赵六", cipher.Open(sm4Before, "p"));
            var fresh = cipher.Seal("钱七", "p");
            Assert.Equal(rotated, PersonalDataCipher.KeyIdOf(fresh));
            Assert.Equal(algorithm, PersonalDataCipher.CipherOf(fresh));
            Assert.Equal("钱七", new PersonalDataCipher(keys).Open(fresh, "p"));
            // The old key alone cannot read what the new key sealed, whatever the cipher.
            Assert.ThrowsAny<CryptographicException>(() => new PersonalDataCipher(first, algorithm).Open(fresh, "p"));
        }
    }

    [Fact]
    public void Letter_files_record_their_cipher_and_old_aes_files_still_open()
    {
        using var folder = new TempDirectory();
        var paths = new PortalPaths(folder.Path);
        var keys = PersonalDataKeys.Create(paths.PersonalDataKeyFile);
        var content = Encoding.UTF8.GetBytes("%PDF-1.4 来信附件");
        var aesFiles = new LetterFiles(paths, () => keys);
        var sm4Files = new LetterFiles(paths, () => keys, PersonalDataAlgorithm.Sm4Gcm);

        var aesName = aesFiles.Save(content, "XJ1");
        var sm4Name = sm4Files.Save(content, "XJ1");
        Assert.Equal(PersonalDataAlgorithm.AesGcm,
            LetterFiles.CipherOf(File.ReadAllBytes(aesFiles.PathOf(aesName))).Cipher);
        Assert.Equal(PersonalDataAlgorithm.Sm4Gcm,
            LetterFiles.CipherOf(File.ReadAllBytes(sm4Files.PathOf(sm4Name))).Cipher);
        foreach (var files in new[] { aesFiles, sm4Files })
        {
            Assert.Equal(content, files.Open(new LetterAttachment { StoredName = aesName }, "XJ1"));
            Assert.Equal(content, files.Open(new LetterAttachment { StoredName = sm4Name }, "XJ1"));
        }

        // A file written before the cipher was recorded: GPLF1, key id, nonce, tag, AES-256-GCM ciphertext.
        var legacyName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var keyId = Encoding.ASCII.GetBytes(keys.CurrentId);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipherText = new byte[content.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(keys.CurrentKey, 16))
            aes.Encrypt(nonce, content, cipherText, tag, Encoding.UTF8.GetBytes($"letter-file:XJ1:{legacyName}"));
        File.WriteAllBytes(aesFiles.PathOf(legacyName),
            [.. "GPLF1"u8.ToArray(), (byte)keyId.Length, .. keyId, .. nonce, .. tag, .. cipherText]);
        Assert.Equal(content, sm4Files.Open(new LetterAttachment { StoredName = legacyName }, "XJ1"));

        // A changed byte anywhere after the header fails, for both ciphers.
        foreach (var name in new[] { aesName, sm4Name })
        {
            var file = aesFiles.PathOf(name);
            var original = File.ReadAllBytes(file);
            for (var i = original.Length - content.Length - 28; i < original.Length; i += 7)
            {
                var changed = (byte[])original.Clone();
                changed[i] ^= 0x80;
                File.WriteAllBytes(file, changed);
                Assert.ThrowsAny<CryptographicException>(
                    () => aesFiles.Open(new LetterAttachment { StoredName = name }, "XJ1"));
            }
            File.WriteAllBytes(file, original);
        }
    }

    [Fact]
    public void The_cipher_is_chosen_on_the_command_line_and_a_wrong_name_is_refused()
    {
        var (parsed, error) = CommandLine.Parse(["serve", "--personal-data-cipher", "sm4-gcm"]);
        Assert.Null(error);
        Assert.Equal(PersonalDataAlgorithm.Sm4Gcm, parsed!.PersonalDataCipher);
        Assert.Equal(PersonalDataAlgorithm.Sm4Gcm, PortalSettings.From(parsed).PersonalDataCipher);
        Assert.Null(CommandLine.Parse(["serve"]).Parsed!.PersonalDataCipher);
        var (refused, message) = CommandLine.Parse(["serve", "--personal-data-cipher", "des"]);
        Assert.Null(refused);
        Assert.Contains("sm4-gcm", message);

        using var folder = new TempDirectory();
        var options = PersonalDataKeyOptions.For(new PortalPaths(folder.Path), PersonalDataAlgorithm.Sm4Gcm);
        Assert.Equal(PersonalDataAlgorithm.Sm4Gcm, options.Algorithm);
    }

    [Fact]
    public async Task A_portal_set_to_sm4_seals_new_letters_with_sm4_and_reads_the_demo_letters_sealed_with_aes()
    {
        using var folder = new TempDirectory();
        // The demo's letters are sealed on the first start, with the default cipher.
        await (await RunningPortal.StartAsync(dataDirectory: folder.Path)).DisposeAsync();
        await using var portal = await RunningPortal.StartAsync(dataDirectory: folder.Path,
            adjustSettings: settings => settings with { PersonalDataCipher = PersonalDataAlgorithm.Sm4Gcm });
        var cipher = portal.Service<PersonalDataCipher>();
        Assert.Equal(PersonalDataAlgorithm.Sm4Gcm, cipher.Algorithm);
        Assert.Equal(PersonalDataAlgorithm.Sm4Gcm, PersonalDataCipher.CipherOf(cipher.Seal("x", "p")));
        await using var db = portal.Settings.Database.CreateContext();
        var letters = db.Letters.ToList();
        Assert.NotEmpty(letters);
        var seal = portal.Service<LetterSeal>();
        Assert.All(letters, letter =>
        {
            Assert.Equal(PersonalDataAlgorithm.AesGcm, PersonalDataCipher.CipherOf(letter.SealedContent));
            Assert.False(string.IsNullOrEmpty(seal.Open(letter).Subject));
        });
    }
}
