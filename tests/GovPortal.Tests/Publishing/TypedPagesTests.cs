using System.Reflection;
using GovPortal.BackOffice;
using GovPortal.Publishing.Rendering;
using GovPortal.Theme;
using Microsoft.AspNetCore.Components;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// Pages and their models are bound by the compiler: every page component takes its model through
/// <see cref="PageComponent{TModel}"/>, and the renderers accept a page only together with that model's type. (That a
/// mismatch does not compile cannot be shown without compiling code here; these tests hold the shape that makes it so.)
/// </summary>
public sealed class TypedPagesTests
{
    private static readonly Assembly Portal = typeof(RazorPageRenderer).Assembly;

    [Fact]
    public void Every_component_with_a_model_is_a_page_component_of_that_model()
    {
        var withModel = Portal.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetProperty("Model")?.GetCustomAttribute<ParameterAttribute>() is not null)
            .ToList();
        Assert.Contains(typeof(HomePage), withModel);
        Assert.Contains(typeof(GovPortal.BackOffice.Pages.MessagePage), withModel);
        Assert.All(withModel, page =>
        {
            var model = page.GetProperty("Model")!.PropertyType;
            Assert.True(typeof(PageComponent<>).MakeGenericType(model).IsAssignableFrom(page),
                $"{page.Name} declares its own Model; it should inherit PageComponent<{model.Name}>.");
        });
    }

    [Theory]
    [InlineData(typeof(RazorPageRenderer), nameof(RazorPageRenderer.RenderHtmlAsync))]
    [InlineData(typeof(RazorPageRenderer), nameof(RazorPageRenderer.RenderAsync))]
    [InlineData(typeof(BackOfficePages), nameof(BackOfficePages.RenderAsync))]
    public void Pages_are_rendered_only_with_the_type_of_their_own_model(Type renderer, string name)
    {
        var methods = renderer.GetMethods(BindingFlags.Public | BindingFlags.Instance);
        var method = Assert.Single(methods, m => m.Name == name);
        var (component, model) = (method.GetGenericArguments()[0], method.GetGenericArguments()[1]);
        var constraint = Assert.Single(component.GetGenericParameterConstraints());
        Assert.Equal(typeof(PageComponent<>), constraint.GetGenericTypeDefinition());
        Assert.Equal(model, constraint.GetGenericArguments()[0]);
        Assert.Equal(model, method.GetParameters()[0].ParameterType);
    }
}
