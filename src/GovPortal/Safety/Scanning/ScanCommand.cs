using System.Text;
using GovPortal.Chinese;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// `GovPortal scan FILE...`: audits pages of an old site before they move into GovPortal. Prints each finding with
/// its place; exits 1 when anything blocking is found, 2 when a file cannot be read, 0 otherwise.
/// </summary>
public static class ScanCommand
{
    public static int Run(IReadOnlyList<string> files, IReadOnlySet<string> allowedHosts, string listDirectory,
        TextWriter output, TextWriter errors)
    {
        var scanner = new PageScanner(new ChineseConverter(ChineseConverter.DefaultDictionaryDirectory), listDirectory);
        int blocking = 0, warnings = 0, unreadable = 0;
        foreach (var file in files)
        {
            string content;
            try
            {
                content = File.ReadAllText(file, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.WriteLine($"{file}: 无法读取：{e.Message}");
                unreadable++;
                continue;
            }
            foreach (var finding in scanner.Scan(content, PageScanner.LooksLikeHtml(file, content), allowedHosts))
            {
                output.WriteLine($"{file}:{finding.Line}:{finding.Column}: [{finding.SeverityLabel}]" +
                    $" {finding.Category}：{finding.Message}「{finding.Excerpt}」");
                if (finding.Severity == Severity.Block) blocking++;
                else warnings++;
            }
        }
        output.WriteLine($"检查了 {files.Count - unreadable} 个文件：{blocking} 处必须处理（阻止），{warnings} 处需要人工查看（警告）。");
        return unreadable > 0 ? 2 : blocking > 0 ? 1 : 0;
    }
}
