using System.Security.Cryptography;

namespace GovPortal.Citizens.Protection;

/// <summary>
/// Where the key file of people's data is (by default <c>data/keys/personal-data.keys</c>) and the cipher new data
/// is sealed with (AES-256-GCM unless the site chose SM4-GCM).
/// </summary>
public sealed record PersonalDataKeyOptions(string KeyFile)
{
    /// <summary>Overrides the default path, e.g. to keep the key on another disk than the database.</summary>
    public const string EnvironmentVariable = "GOVPORTAL_KEY_FILE";

    /// <summary>Chooses the cipher of new data: aes-gcm (default) or sm4-gcm; the command line's
    /// --personal-data-cipher wins over it.</summary>
    public const string CipherEnvironmentVariable = "GOVPORTAL_PERSONAL_DATA_CIPHER";

    public PersonalDataAlgorithm Algorithm { get; init; } = PersonalDataAlgorithm.AesGcm;

    /// <exception cref="PersonalDataKeyFileException">The environment names a cipher that does not exist.</exception>
    public static PersonalDataKeyOptions For(Storage.PortalPaths paths, PersonalDataAlgorithm? algorithm = null) =>
        new(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : paths.PersonalDataKeyFile)
        {
            Algorithm = algorithm ?? AlgorithmFromEnvironment(),
        };

    private static PersonalDataAlgorithm AlgorithmFromEnvironment()
    {
        var name = Environment.GetEnvironmentVariable(CipherEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(name)) return PersonalDataAlgorithm.AesGcm;
        return PersonalDataAead.Parse(name) ?? throw new PersonalDataKeyFileException(false,
            $"环境变量 {CipherEnvironmentVariable} 的值“{name}”无效：应为 {PersonalDataAead.AesGcmName}（默认）" +
            $"或 {PersonalDataAead.Sm4GcmName}（国密 SM4，用于密评）。");
    }
}

/// <summary>
/// The key file is missing (<see cref="Missing"/>) or damaged: told at start as an operator's mistake with its own
/// exit code (see Hosting/StartupFailure), never as a stack trace.
/// </summary>
public sealed class PersonalDataKeyFileException(bool missing, string message) : Exception(message)
{
    public bool Missing { get; } = missing;
}

/// <summary>
/// The 256-bit keys that encrypt people's data (AES-256 directly, SM4 through a key derived from them), kept in a
/// file outside the database: losing the database alone leaks nothing. The file has one key a line,
/// <c>id base64</c>; the last line is the key new data is sealed with, and
/// older keys stay to read what they sealed (rotation adds a line, it never removes one). The file is created with
/// mode 0600 on first use.
/// </summary>
public sealed class PersonalDataKeys
{
    private readonly Dictionary<string, byte[]> _keys;

    private PersonalDataKeys(Dictionary<string, byte[]> keys, string currentId)
    {
        _keys = keys;
        CurrentId = currentId;
    }

    public string CurrentId { get; }

    public IReadOnlyCollection<string> Ids => _keys.Keys;

    public byte[]? KeyOf(string id) => _keys.GetValueOrDefault(id);

    public byte[] CurrentKey => _keys[CurrentId];

    /// <summary>Reads the key file; a missing or damaged file stops the start with its own exit code.</summary>
    public static PersonalDataKeys Open(string file) =>
        File.Exists(file) ? Read(file) : throw Missing(file);

    /// <summary>Creates the key file with a first key; only for an install that has sealed nothing yet.</summary>
    public static PersonalDataKeys Create(string file)
    {
        Append(file, NewId());
        return Read(file);
    }

    /// <summary>
    /// Adds a new key and makes it the one new data is sealed with; returns its id. A running portal keeps using the
    /// keys it read at start until it is restarted.
    /// </summary>
    public static string Rotate(string file)
    {
        var keys = Open(file);
        string next;
        do next = NewId();
        while (keys.Ids.Contains(next));
        Append(file, next);
        return next;
    }

    /// <summary>
    /// A random id: a key made to replace a lost file can never pose as the lost key, so data sealed with the lost
    /// key is told apart ("the key is missing") instead of failing as if it had been tampered with.
    /// </summary>
    private static string NewId() => "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static PersonalDataKeyFileException Missing(string file) => new(true,
        $"个人信息密钥文件 {file} 不存在，而数据库中已有加密的个人信息（依申请公开申请人、来信人等）：没有原密钥，这些信息无法读取。" +
        $"请从备份恢复该文件（或用环境变量 {PersonalDataKeyOptions.EnvironmentVariable} 指向它）后再启动；不要新建密钥。");

    private static PersonalDataKeyFileException Damaged(string file, string why) =>
        new(false, $"个人信息密钥文件 {file} {why}，文件可能已损坏。请从备份恢复该文件后再启动。");

    private static PersonalDataKeys Read(string file)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? current = null;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Damaged(file, "无法读取（" + e.Message + "）");
        }
        foreach (var line in lines)
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0) continue;
            var key = new byte[32];
            if (!Convert.TryFromBase64String(parts[1], key, out var length) || length != 32)
                throw Damaged(file, $"中的密钥 {parts[0]} 不是 32 字节的 Base64");
            keys[parts[0]] = key;
            current = parts[0];
        }
        return current is null
            ? throw Damaged(file, "中没有密钥")
            : new PersonalDataKeys(keys, current);
    }

    private static void Append(string file, string id)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var line = $"{id} {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}\n";
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows() && !File.Exists(file))
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(file, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(line);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
