using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>What a keyboard user does on a page.</summary>
public static class KeyboardUse
{
    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus.</summary>
    public static async Task TabToAsync(IPage page, string selector, int most = 80)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
        }
        Assert.Fail($"{selector} is not reached with Tab");
    }
}
