using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>Waits for a page to show an address, without waiting for its load event.</summary>
/// <remarks>
/// WaitForURLAsync, when the address already matches, waits for the load event whatever WaitUntil says
/// (playwright-dotnet#3365). A click that navigates usually returns once the new address is committed, so that wait
/// was almost always the load-event one, and on a loaded machine it ran out on a page already shown. The address is
/// polled instead; the element reads that follow wait for what they need.
/// </remarks>
public static class PageAddress
{
    /// <summary>Waits until the page's whole address matches <paramref name="address"/>.</summary>
    public static Task ReachedAsync(IPage page, Regex address, float timeout = 30_000) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = timeout });

    /// <summary>
    /// Waits until the page's whole address matches <paramref name="glob"/>, read as WaitForURLAsync reads one (**
    /// any characters, * any but /), and its document is parsed, as that wait ensured for the reads and checks that
    /// follow it: the document's state is polled in the page, so there is no event to miss.
    /// </summary>
    public static async Task ReachedAsync(IPage page, string glob, float timeout = 30_000)
    {
        await ReachedAsync(page, Pattern(glob), timeout);
        await page.WaitForFunctionAsync("document.readyState !== 'loading'", null,
            new PageWaitForFunctionOptions { Timeout = timeout });
    }

    private static Regex Pattern(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] != '*')
            {
                pattern.Append(Regex.Escape(glob[i].ToString()));
            }
            else if (i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else
            {
                pattern.Append("[^/]*");
            }
        }
        return new Regex(pattern.Append('$').ToString());
    }

    /// <summary>Waits until the page's path (no query, no fragment) is exactly <paramref name="path"/>.</summary>
    public static Task PathReachedAsync(IPage page, string path, float timeout = 30_000) =>
        ReachedAsync(page, new Regex("^[a-z]+://[^/]+" + Regex.Escape(path) + "([?#].*)?$"), timeout);
}
