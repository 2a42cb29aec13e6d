using System.Net;
using System.Text.RegularExpressions;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Data.Demo;
using GovPortal.Data.Disclosure;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// The demo portal with a web team for its 政府信息公开 section (documents in /zfxxgk/zcwjk/, interpretations in
/// /zfxxgk/zcjd/), and helpers that fill the document and interpretation forms as a person would.
/// </summary>
public sealed partial class DisclosureFixture : IAsyncLifetime
{
    public RunningPortal Portal { get; private set; } = null!;
    public Newsroom Room { get; private set; } = null!;
    public int DocumentsChannel { get; private set; }
    public int InterpretationsChannel { get; private set; }
    public int Office { get; private set; }
    public int JusticeBureau { get; private set; }
    public int Topic { get; private set; }
    public int OtherTopic { get; private set; }
    public int Genre { get; private set; }

    public async Task InitializeAsync()
    {
        Portal = await RunningPortal.StartAsync();
        Room = await Newsroom.StartAsync(Portal, "zfxxgk");
        DocumentsChannel = TestAccounts.ChannelId(Portal, "zcwjk");
        InterpretationsChannel = TestAccounts.ChannelId(Portal, "zcjd");
        await using var db = Portal.Settings.Database.CreateContext();
        Office = (await db.Organisations.SingleAsync(o => o.CreditCode == DemoDisclosureSeeder.OfficeCode)).Id;
        JusticeBureau =
            (await db.Organisations.SingleAsync(o => o.CreditCode == DemoDisclosureSeeder.JusticeBureauCode)).Id;
        var topics = await DisclosureLists.ClassificationsAsync(db, 1, ClassificationScheme.Topic);
        Topic = topics.Single(t => t.Name == "综合政务").Id;
        OtherTopic = topics.Single(t => t.Name == "科技、教育").Id;
        Genre = (await DisclosureLists.ClassificationsAsync(db, 1, ClassificationScheme.Genre))
            .Single(g => g.Name == "通知").Id;
    }

    public async Task DisposeAsync()
    {
        if (Room is not null) await Room.DisposeAsync();
        if (Portal is not null) await Portal.DisposeAsync();
    }

    /// <summary>The document form's fields; change any with <paramref name="changes"/>.</summary>
    public List<KeyValuePair<string, string>> DocumentFields(string title, int? organisation = null,
        string written = "2023-03-01", string released = "2023-03-05", int baseRevisionId = 0, int baseVersion = 0,
        params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["kind"] = DocumentKind.Key, ["channelId"] = DocumentsChannel.ToString(), ["title"] = title,
            [DocumentKind.IndexNumber] = "", [DocumentKind.DocumentNumber] = "相政发〔2023〕12号",
            [DocumentKind.Organisation] = (organisation ?? Office).ToString(), [DocumentKind.WrittenOn] = written,
            [DocumentKind.ReleasedOn] = released, [DocumentKind.Topic] = Topic.ToString(),
            [DocumentKind.Genre] = Genre.ToString(), ["disclosureMode"] = DocumentKind.Proactive,
            ["keywords"] = "测试", ["summary"] = "", ["bodyHtml"] = "<p>现将有关事项通知如下。</p>",
            [DocumentKind.Validity] = nameof(DocumentValidity.Effective), [DocumentKind.ValidityChangedOn] = "",
            [DocumentKind.ReplacedBy] = "", ["baseRevisionId"] = baseRevisionId.ToString(),
            ["baseVersion"] = baseVersion.ToString(),
        };
        foreach (var (name, value) in changes) fields[name] = value;
        return [.. fields];
    }

    public List<KeyValuePair<string, string>> InterpretationFields(string title, int policyId,
        string type = nameof(InterpretationType.Text), int baseRevisionId = 0, int baseVersion = 0) =>
    [
        new("kind", InterpretationKind.Key), new("channelId", InterpretationsChannel.ToString()),
        new("title", title), new(InterpretationKind.Type, type), new(InterpretationKind.Policy, policyId.ToString()),
        new("source", "区司法局"), new("summary", ""), new("bodyHtml", "<p>一、制定背景。</p>"),
        new("baseRevisionId", baseRevisionId.ToString()), new("baseVersion", baseVersion.ToString()),
    ];

    /// <summary>Posts a new-content form; the response as it came.</summary>
    public Task<HttpResponseMessage> CreateAsync(List<KeyValuePair<string, string>> fields) =>
        Room.Editor.PostMultipartAsync("articles/new", fields, []);

    /// <summary>Creates content that must be accepted; its article id.</summary>
    public async Task<int> CreatedAsync(List<KeyValuePair<string, string>> fields)
    {
        var response = await CreateAsync(fields);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther,
            $"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return int.Parse(ArticleId().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
    }

    /// <summary>Saves the edit form of an article from its newest revision, with the fields given.</summary>
    public async Task<HttpResponseMessage> SaveAsync(int articleId,
        Func<int, int, List<KeyValuePair<string, string>>> fields)
    {
        var revision = await Room.RevisionAsync(articleId);
        return await Room.Editor.PostMultipartAsync($"articles/{articleId}/edit",
            fields(revision.Id, revision.Version), []);
    }

    /// <summary>Submitted, approved and published by three people.</summary>
    public async Task PublishAsync(int articleId)
    {
        await Room.DoAsync(Room.Editor, articleId, "submit");
        await Room.DoAsync(Room.Reviewer, articleId, "approve");
        await Room.DoAsync(Room.Publisher, articleId, "publish");
    }

    public async Task<Article> ArticleAsync(int articleId) => await Room.ArticleAsync(articleId);

    /// <summary>The published page of an article, read from the output folder.</summary>
    public async Task<string> PublishedPageAsync(int articleId)
    {
        var url = (await ArticleAsync(articleId)).Url!;
        return await File.ReadAllTextAsync(Path.Combine(Portal.Output.PublicDirectory, url.TrimStart('/')));
    }

    [GeneratedRegex("/articles/(\\d+)")]
    private static partial Regex ArticleId();
}
