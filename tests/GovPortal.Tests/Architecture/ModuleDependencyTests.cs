namespace GovPortal.Tests.Architecture;

/// <summary>
/// The flow back office → database → publisher → output → public server cannot be broken silently: every type
/// reference in the compiled portal (read from its IL) must be allowed by <see cref="ModuleRules"/>.
/// </summary>
public sealed class ModuleDependencyTests
{
    [Fact]
    public void Every_reference_in_the_portal_follows_the_module_table()
    {
        var checker = new ModuleChecker(
            "GovPortal", ModuleRules.Modules, ModuleRules.Exceptions, ModuleRules.GlobalTypes);

        var violations = checker.Check(TypeReferenceReader.Read(typeof(GovPortal.Hosting.PortalApp).Assembly.Location));

        Assert.True(violations.Count == 0,
            "References the module table does not allow:\n" + string.Join('\n', violations));
        Assert.True(checker.UnusedExceptions.Count == 0,
            "Exceptions no reference needs any more (remove them):\n" + string.Join('\n', checker.UnusedExceptions));
    }

    [Fact]
    public void A_public_site_type_that_uses_the_back_office_is_reported_with_both_types()
    {
        // The same table, mapped onto ArchitectureSample.*, against a deliberately wrong reference in this assembly.
        var checker = new ModuleChecker("ArchitectureSample", ModuleRules.Modules, []);

        var violations = checker.Check(TypeReferenceReader.Read(typeof(ModuleDependencyTests).Assembly.Location));

        var violation = Assert.Single(violations);
        Assert.Contains("ArchitectureSample.PublicSite.Bad.WithdrawnNotice", violation);
        Assert.Contains("ArchitectureSample.BackOffice.ArticleEditor", violation);
        Assert.Contains("(PublicSite)", violation);
        Assert.Contains("(BackOffice)", violation);
    }

    [Fact]
    public void Every_namespace_of_the_portal_belongs_to_a_module()
    {
        var checker = new ModuleChecker("ArchitectureSample", [new Module("BackOffice")], []);

        var violations = checker.Check(
            [("ArchitectureSample.Elsewhere.Thing", "ArchitectureSample.BackOffice.ArticleEditor")]);

        Assert.Equal("ArchitectureSample.Elsewhere.Thing belongs to no module: add its namespace to the module table",
            Assert.Single(violations));
    }
}
