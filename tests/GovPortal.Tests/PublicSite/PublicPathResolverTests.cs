using GovPortal.PublicSite;

namespace GovPortal.Tests.PublicSite;

public sealed class PublicPathResolverTests
{
    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/xwzx/", "xwzx/index.html")]
    [InlineData("/xwzx/xcyw/index_2.html", "xwzx/xcyw/index_2.html")]
    [InlineData("/xwzx/xcyw/202310/t20231012_13.html", "xwzx/xcyw/202310/t20231012_13.html")]
    [InlineData("/files/0123456789abcdef0123456789abcdef.docx", "files/0123456789abcdef0123456789abcdef.docx")]
    public void Ordinary_paths_map_into_the_output(string request, string expected) =>
        Assert.Equal(expected, PublicPathResolver.Resolve(request));

    [Theory]
    [InlineData("")]
    [InlineData("relative.html")]
    [InlineData("/../govportal.db")]
    [InlineData("/xwzx/../../govportal.db")]
    [InlineData("/./index.html")]
    [InlineData("//etc/passwd")]
    [InlineData("/xwzx//index.html")]
    [InlineData("/..%2Fgovportal.db")]
    [InlineData("/a%2fb")]
    [InlineData("/..\\govportal.db")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/index.html\0.txt")]
    [InlineData("/.manifest")]
    [InlineData("/xwzx/.index.html.1234.tmp")]
    [InlineData("/ index.html")]
    public void Traversal_encoded_and_hidden_paths_are_refused(string request) =>
        Assert.Null(PublicPathResolver.Resolve(request));
}
