using GovPortal.Hosting;

namespace GovPortal.Tests.Import;

public sealed class ImportCommandLineTests
{
    [Fact]
    public void Import_takes_a_site_a_folder_and_its_options()
    {
        var (parsed, error) = CommandLine.Parse(["import", "--site", "hd", "/srv/old", "--publish", "--channel",
            "xwzx/xcyw", "--csv", "report.csv"]);
        Assert.Null(error);
        Assert.Equal(PortalCommand.Import, parsed!.Command);
        Assert.Equal(("hd", "/srv/old", true, "xwzx/xcyw", "report.csv"),
            (parsed.ImportSite, parsed.Files[0], parsed.ImportPublishes, parsed.ImportChannel, parsed.CsvFile));
    }

    [Theory]
    [InlineData("import /srv/old", "--site")]
    [InlineData("import --site main", "目录")]
    [InlineData("publish --publish", "只用于 import")]
    [InlineData("import --site main /a /b", "多余的参数")]
    public void Import_refuses_what_it_cannot_do_in_Chinese(string line, string expected)
    {
        var (parsed, error) = CommandLine.Parse(line.Split(' '));
        Assert.Null(parsed);
        Assert.Contains(expected, error);
    }
}
