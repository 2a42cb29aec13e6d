namespace GovPortal.Tests.Support;

public static class Repository
{
    /// <summary>The checkout the tests were built from (the folder holding GovPortal.sln).</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "GovPortal.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (GovPortal.sln) was not found above "
            + AppContext.BaseDirectory);
    }
}
