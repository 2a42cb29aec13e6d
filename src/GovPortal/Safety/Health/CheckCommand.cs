namespace GovPortal.Safety.Health;

/// <summary>
/// `GovPortal check`: the health report for an operator's schedule. Prints every problem; writes CSV on request;
/// exits 1 when a single-veto indicator fails.
/// </summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(HealthChecker checker, string? csvFile, bool checkExternal,
        TextWriter output)
    {
        var report = await checker.CheckAsync(checkExternal);
        output.WriteLine($"网站健康检查 {Content.ChinaTime.Format(report.CheckedAtUtc)}，检查项" +
            $"：{string.Join("、", report.Checked)}");
        foreach (var problem in report.Problems)
            output.WriteLine($"[{(problem.SingleVeto ? "单项否决" : "扣分项")}] {problem.Indicator}" +
                $" {problem.Where}：{problem.Detail}");
        var vetoes = report.Problems.Count(p => p.SingleVeto);
        output.WriteLine(report.Problems.Count == 0
            ? "全部通过。"
            : $"发现 {report.Problems.Count} 个问题，其中单项否决 {vetoes} 个。");
        if (csvFile is not null)
        {
            await File.WriteAllBytesAsync(csvFile, report.ToCsv());
            output.WriteLine($"已导出：{csvFile}");
        }
        return report.FailsSingleVeto ? 1 : 0;
    }
}
