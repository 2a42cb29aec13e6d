using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using GovPortal.Theme;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPortal.Publishing.Rendering;

/// <summary>Renders a theme component with its model to UTF-8 HTML, outside of any HTTP request.</summary>
public sealed class RazorPageRenderer
{
    private readonly IServiceProvider _services;

    public RazorPageRenderer()
    {
        // Without an encoder that allows all Unicode ranges, every Chinese character would become an entity.
        _services = new ServiceCollection()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .BuildServiceProvider();
    }

    /// <inheritdoc cref="RenderHtmlAsync{TComponent, TModel}"/>
    public async Task<byte[]> RenderAsync<TComponent, TModel>(TModel model) where TComponent : PageComponent<TModel> =>
        Encoding.UTF8.GetBytes(await RenderHtmlAsync<TComponent, TModel>(model));

    /// <summary>
    /// The page <typeparamref name="TComponent"/> drawn from <paramref name="model"/>. The page and its model are named
    /// together, so a page given another page's model does not compile.
    /// </summary>
    public async Task<string> RenderHtmlAsync<TComponent, TModel>(TModel model) where TComponent : PageComponent<TModel>
    {
        // A renderer per page: a long-lived one keeps every root component and slows down.
        await using var renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        var parameters = ParameterView.FromDictionary(
            new Dictionary<string, object?> { [nameof(PageComponent<TModel>.Model)] = model });
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(parameters);
            return output.ToHtmlString();
        });
        // Whatever a stored field holds, the page carries no character XML forbids (nor a reference to one).
        return PageCharacters.Clean(html);
    }
}
