using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Support;

/// <summary>
/// A district web team on a running portal: 李华 writes for 部门动态, 王芳 and 陈静 review, 赵磊 publishes; each signed in
/// through the back office's own sign-in page.
/// </summary>
public sealed partial class Newsroom : IAsyncDisposable
{
    private Newsroom(RunningPortal portal) => Portal = portal;

    public RunningPortal Portal { get; }
    public StaffClient Editor { get; private set; } = null!;
    public StaffClient Reviewer { get; private set; } = null!;
    public StaffClient SecondReviewer { get; private set; } = null!;
    public StaffClient Publisher { get; private set; } = null!;

    /// <summary>
    /// Signs the team in; its accounts are made with grants for <paramref name="channels"/> the first time a
    /// newsroom starts on <paramref name="portal"/>, and kept (with those grants) by the newsrooms after it, so test
    /// classes that share one portal can each start one.
    /// </summary>
    public static async Task<Newsroom> StartAsync(RunningPortal portal, params string[] channels)
    {
        channels = channels.Length == 0 ? ["bmdt"] : channels;
        foreach (var (name, role) in new[] { ("lihua", StaffRoles.Editor), ("wangfang", StaffRoles.Reviewer),
                     ("chenjing", StaffRoles.Reviewer), ("zhaolei", StaffRoles.Publisher) })
            if (!await TestAccounts.ExistsAsync(portal, name))
                await TestAccounts.CreateAsync(portal, name, [role], channels);
        var room = new Newsroom(portal)
        {
            Editor = await StaffClient.SignInAsync(portal, "lihua"),
            Reviewer = await StaffClient.SignInAsync(portal, "wangfang"),
            SecondReviewer = await StaffClient.SignInAsync(portal, "chenjing"),
            Publisher = await StaffClient.SignInAsync(portal, "zhaolei"),
        };
        return room;
    }

    /// <summary>Creates an article through the form; returns its id.</summary>
    public async Task<int> WriteAsync(string title, string bodyHtml = "<p>区政府召开专题会议，部署有关工作。</p>",
        string channel = "bmdt",
        IEnumerable<(string Name, byte[] Content)>? files = null, StaffClient? author = null)
    {
        var response = await (author ?? Editor).PostMultipartAsync("articles/new",
            Fields(TestAccounts.ChannelId(Portal, channel), title, bodyHtml), files ?? []);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther,
            $"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return int.Parse(ArticleId().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
    }

    public static List<KeyValuePair<string, string>> Fields(int channelId, string title, string bodyHtml,
        string source = "区政府办", int baseRevisionId = 0, int baseVersion = 0) =>
    [
        new("channelId", channelId.ToString()), new("title", title), new("subtitle", ""), new("source", source),
            new("author", "李华"),
        new("summary", ""), new("bodyHtml", bodyHtml), new("baseRevisionId", baseRevisionId.ToString()),
            new("baseVersion", baseVersion.ToString()),
    ];

    /// <summary>
    /// Runs a workflow action as a person would from the article page (with the version the page shows).
    /// </summary>
    public async Task<HttpResponseMessage> ActAsync(StaffClient who, int articleId, string action,
        params KeyValuePair<string, string>[] fields)
    {
        var page = await who.GetAsync($"articles/{articleId}");
        var html = await page.Content.ReadAsStringAsync();
        var version = VersionField().Match(html) is { Success: true } m ? m.Groups[1].Value
            : (await RevisionAsync(articleId)).Version.ToString();
        return await who.PostAsync($"articles/{articleId}/{action}", [.. fields, new("version", version)]);
    }

    /// <summary>Like <see cref="ActAsync"/>, and the action must succeed.</summary>
    public async Task DoAsync(StaffClient who, int articleId, string action,
        params KeyValuePair<string, string>[] fields)
    {
        var response = await ActAsync(who, articleId, action, fields);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther,
            $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Written, submitted, approved and published by four different people.</summary>
    public async Task<int> PublishNewAsync(string title, string bodyHtml = "<p>区政府召开专题会议，部署有关工作。</p>",
        IEnumerable<(string, byte[])>? files = null)
    {
        var id = await WriteAsync(title, bodyHtml, files: files);
        await DoAsync(Editor, id, "submit");
        await DoAsync(Reviewer, id, "approve");
        await DoAsync(Publisher, id, "publish");
        return id;
    }

    /// <summary>
    /// Saves the form's <paramref name="fields"/> over the article's newest revision (a new draft when it is live),
    /// then submits, approves and publishes it.
    /// </summary>
    public async Task RevisePublishedAsync(int articleId, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var saved = await Editor.PostMultipartAsync($"articles/{articleId}/edit", fields, []);
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther,
            $"save: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        await DoAsync(Editor, articleId, "submit");
        await DoAsync(Reviewer, articleId, "approve");
        await DoAsync(Publisher, articleId, "publish");
    }

    /// <summary>The newest revision of an article, read from the database.</summary>
    public async Task<Revision> RevisionAsync(int articleId)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Revisions.Include(r => r.Files).Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Number).FirstAsync();
    }

    public async Task<Content.Article> ArticleAsync(int articleId)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Articles.Include(a => a.RelatedFiles).SingleAsync(a => a.Id == articleId);
    }

    public ValueTask DisposeAsync()
    {
        Editor.Dispose();
        Reviewer.Dispose();
        SecondReviewer.Dispose();
        Publisher.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("/articles/(\\d+)")]
    private static partial Regex ArticleId();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
