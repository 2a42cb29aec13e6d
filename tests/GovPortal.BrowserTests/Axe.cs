using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>axe-core runs on an open page, with the WCAG 2.2 AA rule set the issue names.</summary>
public static class Axe
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static Task<AxeResult> RunWcagAsync(IPage page) =>
        page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });

    public static async Task AssertNoViolationsAsync(IPage page, params string[] onlyRules)
    {
        var results = onlyRules.Length == 0
            ? await RunWcagAsync(page)
            : await page.RunAxe(
                new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = [.. onlyRules] } });
        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>Opens <paramref name="path"/> and checks it, naming the page in a failure.</summary>
    public static async Task AssertPageAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        try
        {
            await AssertNoViolationsAsync(page);
        }
        catch (Xunit.Sdk.TrueException e)
        {
            throw new Xunit.Sdk.XunitException($"{path}: {e.Message}");
        }
    }
}
