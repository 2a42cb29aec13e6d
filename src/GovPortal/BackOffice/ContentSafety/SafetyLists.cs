using System.Reflection;
using System.Text;
using GovPortal.Safety.Scanning;
using GovPortal.Storage;

namespace GovPortal.BackOffice.ContentSafety;

/// <summary>
/// The platform's sensitive-word list (category, severity, word) and wording list (mistaken forms with corrections,
/// officials' titles with names), edited by the first site's administrators: saved to data/safety in the format the
/// checks read, replacing the built-in defaults, and taken into use at once. Each site may add words of its own
/// (data/safety/sites/{code}), checked on its content only, beside the platform's.
/// </summary>
public sealed class SafetyLists(PortalPaths paths, PageScanner scanner, ISharedFiles? shared = null)
{
    public const string SensitiveWords = "sensitive-words.txt", Wording = "wording.txt";
    private const int MaxLines = 20_000;

    /// <summary>The list in use: the platform's own file, or the built-in default.</summary>
    public string Current(string name)
    {
        var own = Path.Combine(paths.SafetyListsDirectory, name);
        if (File.Exists(own)) return File.ReadAllText(own);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GovPortal.Safety." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>A site's own additions to the platform's list; "" when it has none.</summary>
    public string Additions(string name, string siteCode)
    {
        var own = Path.Combine(paths.SiteSafetyListsDirectory(siteCode), name);
        return File.Exists(own) ? File.ReadAllText(own) : "";
    }

    /// <summary>
    /// Checks and saves a list typed by an administrator: the platform's, or with <paramref name="siteCode"/> that
    /// site's additions (checked on its content beside the platform's).
    /// Returns the number of entries, or a message saying which line is wrong.
    /// </summary>
    public (int Entries, string? Error) Save(string name, string text, string? siteCode = null)
    {
        var lines = text.Replace("\r", "").Split('\n');
        if (lines.Length > MaxLines) return (0, $"词库最多 {MaxLines} 行。");
        var output = new StringBuilder();
        output.AppendLine(name == SensitiveWords
            ? "# 敏感词库（在后台维护）。格式：分类<TAB>严重程度（block 阻止发布 / warn 警告）<TAB>词语"
            : "# 错别字与规范名称（在后台维护）。格式：mistake<TAB>错误写法<TAB>正确写法 或 official<TAB>职务<TAB>姓名");
        var entries = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(['\t', ',', '，', ' ', '　'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var where = $"第 {i + 1} 行“{(line.Length > 30 ? line[..30] + "…" : line)}”";
            if (parts.Length != 3) return (0, $"{where}应有三项，用制表符、逗号或空格分开。");
            if (parts.Any(p => p.Length > 50 || p.Any(char.IsControl))) return (0, $"{where}中有过长（超过 50 字）或含控制字符的项。");
            string first;
            if (name == SensitiveWords)
            {
                first = parts[1] switch { "block" or "阻止" => "block", "warn" or "警告" => "warn", _ => "" };
                if (first.Length == 0) return (0, $"{where}的严重程度应为 block（阻止）或 warn（警告）。");
                output.Append(parts[0]).Append('\t').Append(first).Append('\t').Append(parts[2]).Append('\n');
            }
            else
            {
                first = parts[0] switch
                {
                    "mistake" or "错别字" => "mistake",
                    "official" or "领导" or "规范名称" => "official",
                    _ => "",
                };
                if (first.Length == 0) return (0, $"{where}的类型应为 mistake（错别字）或 official（职务和姓名）。");
                if (first == "mistake" && parts[1] == parts[2]) return (0, $"{where}的错误写法与正确写法相同。");
                output.Append(first).Append('\t').Append(parts[1]).Append('\t').Append(parts[2]).Append('\n');
            }
            entries++;
        }
        var directory = siteCode is null ? paths.SafetyListsDirectory : paths.SiteSafetyListsDirectory(siteCode);
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, name);
        var bytes = Encoding.UTF8.GetBytes(output.ToString());
        File.WriteAllBytes(target + ".tmp", bytes);
        File.Move(target + ".tmp", target, overwrite: true);
        // Every other origin takes it from the database within a second (SharedSafetyLists).
        shared?.Put(SharedFileAreas.SafetyLists, SharedSafetyLists.NameOf(name, siteCode), bytes);
        scanner.ReloadWordLists(siteCode);
        return (entries, null);
    }
}
