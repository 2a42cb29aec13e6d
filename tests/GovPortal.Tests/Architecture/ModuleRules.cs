namespace GovPortal.Tests.Architecture;

/// <summary>
/// A module: a namespace under the root, with everything under it that no longer-named module claims, and the
/// modules it may use. "*" allows every module (the host, which wires everything together).
/// </summary>
public sealed record Module(string Name, params string[] MayUse);

/// <summary>
/// A reference the module table does not allow but the code needs, with the reason. <paramref name="From"/> and
/// <paramref name="To"/> name a type or a namespace (relative to the root); a namespace covers what is under it.
/// </summary>
public sealed record AllowedReference(string From, string To, string Reason);

/// <summary>
/// The flow of the portal, as modules and the modules each may use: back office → database → publisher → output →
/// public server. Content, storage paths, Chinese text and the theme are used from many places; nothing uses the
/// back office but the host; only the host and the back office use the publisher; the public server reads the
/// output (Publishing.Output) and never the database, the publisher or the back office.
/// </summary>
public static class ModuleRules
{
    public static readonly IReadOnlyList<Module> Modules =
    [
        new("Storage"),
        new("Chinese"),
        new("Content", "Storage"),
        new("Safety"),
        new("Safety.Scanning", "Chinese"),
        new("Data", "Content", "Chinese", "Safety", "Storage"),
        new("Theme", "Content"),
        new("Search", "Content", "Chinese", "Publishing.Output"),
        new("Publishing.Output", "Storage"),
        new("Publishing.Replication", "Publishing.Output", "Storage"),
        new("Publishing.Rendering", "Content", "Theme", "Publishing", "Publishing.Output"),
        new("Publishing", "Content", "Data", "Search", "Theme", "Publishing.Output", "Publishing.Rendering",
            "Publishing.Replication", "Safety.Scanning"),
        new("Safety.Tamper", "Publishing.Output", "Search", "Storage"),
        new("Safety.Health", "Content", "Data", "Publishing.Output", "Safety", "Safety.Scanning", "Safety.Tamper",
            "Storage"),
        new("PublicSite", "Content", "Chinese", "Theme", "Search", "Publishing.Output", "Safety.Tamper"),
        new("Citizens", "Content", "Data", "Storage", "Theme", "Chinese", "Search", "PublicSite",
            "Publishing.Rendering", "Safety.Scanning"),
        new("Disclosure", "Citizens", "Content", "Data", "Storage", "Theme", "PublicSite", "Publishing.Output",
            "Safety.Health"),
        new("Interaction", "Citizens", "Content", "Data", "Storage", "Theme", "PublicSite", "Publishing.Output",
            "Publishing.Rendering", "Safety.Scanning", "Safety.Health", "Disclosure"),
        new("BackOffice", "Content", "Data", "Publishing", "Publishing.Output", "Publishing.Rendering", "Search",
            "Theme", "Chinese", "Storage", "Safety", "Safety.Scanning", "Safety.Tamper", "Safety.Health",
            "Citizens", "Disclosure", "Interaction"),
        new("Hosting", "*"),
    ];

    /// <summary>Every exception to <see cref="Modules"/>, each with its reason.</summary>
    public static readonly IReadOnlyList<AllowedReference> Exceptions =
    [
        new("Data.GovPortalDbContext", "BackOffice.Accounts",
            "the database maps the back office's own tables: staff and their channel grants"),
        new("Data.GovPortalDbContext", "BackOffice.Audit",
            "the database maps the back office's own tables: the audit log"),
        new("Data.GovPortalDbContext", "BackOffice.Health",
            "the database maps the back office's own tables: health snapshots"),
        new("Data.GovPortalDbContext", "BackOffice.Workflow",
            "the database maps the back office's own tables: revisions"),
        new("Data.GovPortalDbContext", "BackOffice.Sessions",
            "the database maps the back office's own tables: sign-in sessions"),
        new("Data.GovPortalDbContext", "Citizens",
            "the database maps the tables of citizens' services: the working-day calendar and receipt counters"),
        new("Data.GovPortalDbContext", "Disclosure",
            "the database maps the tables of citizens' services: applications for disclosure"),
        new("Data.GovPortalDbContext", "Interaction",
            "the database maps the tables of 互动交流: mailboxes, letters, members, consultations and comments"),
        new("Publishing", "Interaction.Letters.Letter",
            "the publisher publishes a letter's public copy (选登); it reads the public columns, never the seal"),
        new("Publishing", "Interaction.Letters.LetterStatus",
            "only replied letters are published, and the statistics count letters by their status"),
        new("Publishing", "Interaction.Letters.LetterKinds", "a published letter shows its kind (咨询, 投诉 …)"),
        new("Publishing", "Interaction.Letters.Mailbox", "the 互动交流 home lists the site's active mailboxes"),
        new("Publishing", "Interaction.Consultations.Consultation", "the 互动交流 home lists the consultations"),
        new("Publishing", "Citizens.Calendar",
            "the letters' statistics count the working days to reply on the 工作日历 every citizens' service uses"),
        new("Publishing.Interaction.InteractionReader", "Citizens.Protection.Masking",
            "a published letter's name is masked again as it is read, whoever wrote the record"),
        new("Publishing.Interaction.LetterStatisticsCsv", "Safety.CsvCell",
            "the statistics download is a CSV whose cells a spreadsheet must never run as formulas"),
        new("Data.Demo.DemoConsultations", "Interaction.Consultations",
            "the demo site is created with an open and a closed consultation"),
        new("Disclosure.DisclosureIntake", "BackOffice.Audit.AuditLog",
            "an applicant's steps (submission, correction) go into the same audit log as the staff's"),
        new("Interaction.Letters.LetterIntake", "BackOffice.Audit.AuditLog",
            "a letter writer's steps (letter, rating) go into the same audit log as the staff's"),
        new("Interaction.Letters.LetterAttachmentRules", "BackOffice.Files.UploadRules",
            "a letter's attachments pass the same upload checks (contents match the extension) as the back office's"),
        new("Interaction.Letters.LetterAttachmentRules", "BackOffice.Files.AcceptedUpload",
            "a letter's pictures are kept as the upload checks re-encoded them (no EXIF, no GPS)"),
        new("Theme.SearchPage", "Search", "the search page shows the results of a search"),
        new("Theme.SearchPageModel", "Search", "the search page's model holds the results of a search"),
        new("Search.SearchSiteInfo", "Theme.SiteChrome",
            "the index commit carries the site's frame, so a public node renders the search page without a database"),
        new("Search.SearchDocuments", "Publishing.Rendering.SiteRenderer",
            "a search hit in a related file links to the file's published address"),
        new("Publishing.Output.OutputBatch", "Publishing.PageKey",
            "every published file is owned by the page key that wrote it"),
        new("PublicSite.HitCounter", "Data",
            "view counts are the one thing a reader writes, and they are kept in the database"),
        new("PublicSite.SearchEndpoints", "Publishing.Rendering.RazorPageRenderer",
            "the search page is rendered per request, with the renderer the publisher uses for every other page"),
        new("Safety.Health.LinkChecker", "PublicSite",
            "the link check resolves a link as the public server would answer it"),
        new("Safety.Health.LinkChecker", "Theme.PageVariant",
            "the link check knows the elder and Traditional forms of a page"),
        new("BackOffice.BackOfficeServices", "Hosting.PortalSettings",
            "the back office's service registration reads its options and database from the portal's settings"),
    ];

    /// <summary>Types outside every namespace that belong to a module: the command line's entry point.</summary>
    public static readonly IReadOnlyDictionary<string, string> GlobalTypes =
        new Dictionary<string, string> { ["Program"] = "Hosting" };
}
