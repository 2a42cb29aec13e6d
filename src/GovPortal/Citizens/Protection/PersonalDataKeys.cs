using System.Globalization;
using System.Security.Cryptography;

namespace GovPortal.Citizens.Protection;

/// <summary>Where the key file of people's data is: by default <c>data/keys/personal-data.keys</c>.</summary>
public sealed record PersonalDataKeyOptions(string KeyFile)
{
    /// <summary>Overrides the default path, e.g. to keep the key on another disk than the database.</summary>
    public const string EnvironmentVariable = "GOVPORTAL_KEY_FILE";

    public static PersonalDataKeyOptions For(Storage.PortalPaths paths) =>
        new(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : paths.PersonalDataKeyFile);
}

/// <summary>
/// The AES-256 keys that encrypt people's data, kept in a file outside the database: losing the database alone leaks
/// nothing. The file has one key a line, <c>id base64</c>; the last line is the key new data is sealed with, and
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

    /// <summary>Reads the key file, creating it with a first key when there is none.</summary>
    public static PersonalDataKeys OpenOrCreate(string file)
    {
        if (!File.Exists(file)) Append(file, "k1");
        return Read(file);
    }

    /// <summary>
    /// Adds a new key and makes it the one new data is sealed with; returns its id. A running portal keeps using the
    /// keys it read at start until it is restarted.
    /// </summary>
    public static string Rotate(string file)
    {
        var keys = OpenOrCreate(file);
        var next = "k" + (keys.Ids.Select(id => int.TryParse(id.AsSpan(1), NumberStyles.None,
            CultureInfo.InvariantCulture, out var n) ? n : 0).Max() + 1).ToString(CultureInfo.InvariantCulture);
        Append(file, next);
        return next;
    }

    private static PersonalDataKeys Read(string file)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in File.ReadAllLines(file))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0) continue;
            var key = Convert.FromBase64String(parts[1]);
            if (key.Length != 32)
                throw new InvalidDataException($"个人信息密钥文件 {file} 中的密钥 {parts[0]} 长度不对，文件可能已损坏。");
            keys[parts[0]] = key;
            current = parts[0];
        }
        return current is null
            ? throw new InvalidDataException($"个人信息密钥文件 {file} 中没有密钥。请从备份恢复该文件。")
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
