using Microsoft.AspNetCore.Components;

namespace GovPortal.Theme;

/// <summary>
/// A whole page, public or back office, drawn from one model. Pages are rendered only through
/// <c>RazorPageRenderer.RenderHtmlAsync&lt;TComponent, TModel&gt;</c>, whose constraint
/// (<c>TComponent : PageComponent&lt;TModel&gt;</c>) makes a page given the wrong model a compile error, not a failure
/// when the page is first drawn.
/// </summary>
/// <typeparam name="TModel">Everything the page shows.</typeparam>
public abstract class PageComponent<TModel> : ComponentBase
{
    [Parameter, EditorRequired] public required TModel Model { get; set; }
}
