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

    /// <summary>Waits until the page's path (no query, no fragment) is exactly <paramref name="path"/>.</summary>
    public static Task PathReachedAsync(IPage page, string path, float timeout = 30_000) =>
        ReachedAsync(page, new Regex("^[a-z]+://[^/]+" + Regex.Escape(path) + "([?#].*)?$"), timeout);
}
