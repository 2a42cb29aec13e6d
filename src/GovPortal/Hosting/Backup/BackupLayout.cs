namespace GovPortal.Hosting.Backup;

/// <summary>
/// Where each part of the portal's state sits inside a backup folder. The keys are in their own folder so an operator
/// can keep them apart from the rest (a copy of the data without the keys reveals no one's personal data).
/// </summary>
public static class BackupLayout
{
    public const string SqliteDatabase = "database/govportal.db";
    public const string PostgresDatabase = "database/" + PostgresDump.FileName;
    public const string ObjectStore = "store/objects.db";
    public const string Keys = "keys";
    public const string PersonalDataKey = Keys + "/personal-data.keys";

    /// <summary>The folders of the data directory copied as they are (uploaded originals, sealed letter files, the
    /// site's word lists, the tamper events), by their name in the data directory and in the backup.</summary>
    public static readonly IReadOnlyList<string> FileFolders = ["uploads", "letters", "safety", "guard"];

    public static string Manifest(string siteCode) => $"output/{siteCode}/manifest.db";

    public static string Full(string backupDirectory, string relativePath) =>
        Path.Combine(backupDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
