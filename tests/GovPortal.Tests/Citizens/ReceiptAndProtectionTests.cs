using GovPortal.Citizens.Protection;
using GovPortal.Citizens.Receipts;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Citizens;

/// <summary>The 查询码, receipt numbers, the people's-data cipher and its key file, and masking.</summary>
public sealed class ReceiptAndProtectionTests
{
    [Fact]
    public void Query_codes_are_long_random_and_unambiguous()
    {
        Assert.True(QueryCode.Bits >= 40, $"{QueryCode.Bits} bits");
        var codes = Enumerable.Range(0, 2000).Select(_ => QueryCode.NewCode()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code =>
        {
            Assert.Equal(QueryCode.Length, code.Length);
            Assert.DoesNotContain(code, c => "01OILU".Contains(c));
        });
        // Every character of the alphabet turns up: the draw is not stuck on a part of it.
        Assert.Equal(QueryCode.Alphabet.Order(), string.Concat(codes).Distinct().Order());
    }

    [Fact]
    public void A_code_matches_its_hash_however_it_is_typed_and_nothing_else_does()
    {
        var code = QueryCode.NewCode();
        var stored = QueryCode.Hash(code);
        Assert.True(QueryCode.Matches(code, stored));
        Assert.True(QueryCode.Matches(QueryCode.Display(code).ToLowerInvariant(), stored));
        Assert.True(QueryCode.Matches(" " + QueryCode.Display(code).Replace('-', ' ') + " ", stored));
        Assert.False(QueryCode.Matches(code[..^1] + (code[^1] == 'A' ? 'B' : 'A'), stored));
        Assert.False(QueryCode.Matches("", stored));
        Assert.False(QueryCode.Matches(code, null));
        Assert.False(QueryCode.Matches(new string('A', 10_000), stored));
        // The same code hashed twice gives different salts and hashes: a table of hashes tells nothing.
        var again = QueryCode.Hash(code);
        Assert.NotEqual(stored.Salt, again.Salt);
        Assert.NotEqual(stored.Hash, again.Hash);
    }

    [Fact]
    public void Receipt_numbers_read_as_series_day_and_sequence()
    {
        Assert.Equal("YSQ20261130-0007", ReceiptNumbers.Format("YSQ", new DateOnly(2026, 11, 30), 7));
        Assert.Equal("YSQ20261130-0007", ReceiptNumbers.Normalize(" ysq20261130－0007 "));
        Assert.Equal("", ReceiptNumbers.Normalize("YSQ' OR 1=1"));
        Assert.Equal("", ReceiptNumbers.Normalize(new string('9', 100)));
        Assert.True(ReceiptNumbers.IsSeries("XJ"));
        Assert.False(ReceiptNumbers.IsSeries("xj"));
    }

    [Fact]
    public void The_key_file_is_private_and_sealed_values_open_only_with_their_purpose()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "keys", "personal-data.keys");
        var keys = PersonalDataKeys.Create(file);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(file));
        var cipher = new PersonalDataCipher(keys);
        var sealedText = cipher.Seal("张三 320507198001011231", "applicant:YSQ1");
        Assert.DoesNotContain("张三", sealedText);
        Assert.DoesNotContain("320507198001011231", sealedText);
        Assert.StartsWith(keys.CurrentId + ":", sealedText);
        Assert.NotEqual(sealedText, cipher.Seal("张三 320507198001011231", "applicant:YSQ1"));
        Assert.Equal("张三 320507198001011231", cipher.Open(sealedText, "applicant:YSQ1"));
        // Moved to another row or column, or changed, it does not open.
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => cipher.Open(sealedText, "applicant:YSQ2"));
        var bytes = Convert.FromBase64String(sealedText[(keys.CurrentId.Length + 1)..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => cipher.Open(keys.CurrentId + ":" + Convert.ToBase64String(bytes), "applicant:YSQ1"));
        // Another key file (a stolen database with no key) opens nothing.
        using var other = new TempDirectory();
        var stranger = new PersonalDataCipher(PersonalDataKeys.Create(Path.Combine(other.Path, "k")));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => stranger.Open(sealedText, "applicant:YSQ1"));
    }

    [Fact]
    public void After_a_rotation_new_values_use_the_new_key_and_old_ones_still_open()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "personal-data.keys");
        var first = PersonalDataKeys.Create(file);
        var before = new PersonalDataCipher(first);
        var old = before.Seal("李四", "p");
        var rotated = PersonalDataKeys.Rotate(file);
        Assert.NotEqual(first.CurrentId, rotated);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(file));
        var keys = PersonalDataKeys.Open(file);
        Assert.Equal(rotated, keys.CurrentId);
        var after = new PersonalDataCipher(keys);
        var fresh = after.Seal("王五", "p");
        Assert.Equal(rotated, PersonalDataCipher.KeyIdOf(fresh));
        Assert.Equal("李四", after.Open(old, "p"));
        Assert.Equal("王五", after.Open(fresh, "p"));
        // The old key alone cannot read what the new key sealed.
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => before.Open(fresh, "p"));
    }

    private static UnixFileMode ModeOf(string file) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(file);

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("张", "张*")]
    [InlineData("", "")]
    public void Names_are_masked_after_the_first_character(string name, string masked) =>
        Assert.Equal(masked, Masking.Name(name));

    [Fact]
    public void Numbers_and_contacts_keep_only_what_tells_two_people_apart()
    {
        Assert.Equal("3205**********1234", Masking.IdNumber("320507198001011234"));
        Assert.Equal("9132**********0001", Masking.IdNumber("91320507MA1N0A0001"));
        Assert.Equal("138****5678", Masking.Phone("13812345678"));
        Assert.Equal("051******0000", Masking.Phone("0512-65240000"));
        Assert.Equal("z***@example.cn", Masking.Email("zhang@example.cn"));
        Assert.Equal("江苏省苏州市****", Masking.Address("江苏省苏州市相城区元和街道1号"));
        Assert.Equal("（12 字，已隐藏）", Masking.Text("申请公开本区年度财政预算报告"[..12]));
    }
}
