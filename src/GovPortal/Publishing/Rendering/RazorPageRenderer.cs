using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
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

    public async Task<byte[]> RenderAsync<TComponent>(object model) where TComponent : IComponent =>
        Encoding.UTF8.GetBytes(await RenderHtmlAsync<TComponent>(model));

    public async Task<string> RenderHtmlAsync<TComponent>(object model) where TComponent : IComponent
    {
        // A renderer per page: a long-lived one keeps every root component and slows down.
        await using var renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model }));
            return output.ToHtmlString();
        });
        return html;
    }
}
