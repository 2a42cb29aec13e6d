using System.Text;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Style;

/// <summary>
/// Lines are at most 120 characters (max_line_length in .editorconfig) in the code, scripts and styles kept in git.
/// </summary>
public sealed class SourceLineLengthTests
{
    private const int MaxLength = 120;
    private static readonly string[] Folders = ["src", "tests", "bench", "scripts"];
    private static readonly string[] Extensions = [".cs", ".razor", ".sh", ".js", ".css"];
    // EF Core writes the migrations; packages and build output are not ours.
    private static readonly string[] Skipped = ["/Data/Migrations/", "/node_modules/", "/bin/", "/obj/"];

    [Fact]
    public async Task No_line_is_longer_than_120_characters()
    {
        var tooLong = new StringBuilder();
        foreach (var path in await TrackedSourceFilesAsync())
        {
            foreach (var (number, length) in LongLines(path))
                tooLong.AppendLine($"{path}:{number}: {length} 个字符");
        }
        Assert.True(tooLong.Length == 0, $"以下行超过 {MaxLength} 个字符，请换行：\n{tooLong}");
    }

    private static async Task<List<string>> TrackedSourceFilesAsync()
    {
        var (exitCode, output, errors) =
            await Processes.RunAsync("git", ["ls-files", "-z", "--", .. Folders], Repository.Root);
        Assert.True(exitCode == 0, $"git ls-files 失败（测试需要 git 检出的源代码）：{errors}");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Where(path => !Skipped.Any(folder => ("/" + path).Contains(folder, StringComparison.Ordinal)))
            .Where(path => File.Exists(Path.Combine(Repository.Root, path)))
            .ToList();
    }

    /// <summary>Number (from 1) and length in characters (Unicode scalar values) of each line over the limit.</summary>
    private static IEnumerable<(int Number, int Length)> LongLines(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(Path.Combine(Repository.Root, path)))
        {
            number++;
            var length = line.EnumerateRunes().Count();
            if (length > MaxLength) yield return (number, length);
        }
    }
}
