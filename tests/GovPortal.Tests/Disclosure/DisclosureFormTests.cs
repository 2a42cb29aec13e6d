using System.Net;
using System.Text;
using GovPortal.Citizens.Forms;
using GovPortal.Disclosure;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// 依申请公开 through HTTP without script: the form and each of its messages, the receipt, the lookup, and the form's
/// protections (antiforgery, honeypot, size, hostile input).
/// </summary>
public sealed class DisclosureFormTests(DisclosurePortalFixture fixture) : IClassFixture<DisclosurePortalFixture>
{
    private RunningPortal Portal => fixture.Portal;

    private async Task<int> CountAsync()
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.DisclosureApplications.CountAsync();
    }

    [Fact]
    public async Task The_form_is_a_page_of_the_site_in_each_form_with_a_token_and_a_hidden_honeypot()
    {
        using var applicant = new Applicant(Portal);
        string[] paths = ["/zfxxgk/ysqgk/", "/zfxxgk/ysqgk", "/elder/zfxxgk/ysqgk/", "/zh-hant/zfxxgk/ysqgk/"];
        foreach (var path in paths)
        {
            using var response = await applicant.Http.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, path + " " + html);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            var page = Html.Parse(html);
            Assert.NotNull(page.QuerySelector("input[name=__form]"));
            Assert.NotNull(page.QuerySelector(".visually-hidden input[name=website][tabindex='-1']"));
            Assert.NotNull(page.QuerySelector("nav.main-nav"));
        }
        Assert.Contains(applicant.Cookies.GetCookies(Portal.Address).Cast<Cookie>(),
            c => c.Name == PublicFormGuard.CookieName && c.HttpOnly);
        var elder = await applicant.Http.GetStringAsync("/elder/zfxxgk/ysqgk/");
        Assert.Contains("action=\"/elder/zfxxgk/ysqgk/\"", elder);
    }

    [Fact]
    public async Task An_application_is_committed_before_the_receipt_and_its_code_is_stored_only_as_a_hash()
    {
        using var applicant = new Applicant(Portal);
        var (number, code) = await applicant.ApplyAsync();
        Assert.Matches(@"^YSQ\d{8}-\d{4}$", number);
        Assert.Matches(@"^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", code);
        await using var db = Portal.Settings.Database.CreateContext();
        var row = await db.DisclosureApplications.SingleAsync(a => a.Number == number);
        Assert.Equal(DisclosureStatus.Submitted, row.Status);
        Assert.Equal("citizen", row.ApplicantType);
        Assert.DoesNotContain(code.Replace("-", ""), Encoding.UTF8.GetString(row.QueryCodeHash));
        Assert.Equal(32, row.QueryCodeHash.Length);
        // The next application of the day gets the next number.
        var (next, _) = await applicant.ApplyAsync();
        Assert.Equal(int.Parse(number[^4..]) + 1, int.Parse(next[^4..]));
        Assert.Equal(number[..^4], next[..^4]);
    }

    [Fact]
    public async Task The_same_post_again_is_recognised_and_not_taken_twice()
    {
        using var applicant = new Applicant(Portal);
        var fields = Applicant.ValidFields().Append(new("__form", await applicant.TokenAsync(Applicant.FormPath)))
            .ToList();
        using var first = await applicant.Http.PostAsync(Applicant.FormPath, new FormUrlEncodedContent(fields));
        var number = Html.Parse(await first.Content.ReadAsStringAsync()).QuerySelector("#receipt-number").Text();
        Assert.Matches(@"^YSQ\d{8}-\d{4}$", number);
        var before = await CountAsync();
        using var again = await applicant.Http.PostAsync(Applicant.FormPath, new FormUrlEncodedContent(fields));
        var html = await again.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"这份申请已经提交，申请编号为 {number}", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_same_post_sent_several_times_at_once_is_taken_once()
    {
        using var applicant = new Applicant(Portal);
        var fields = Applicant.ValidFields().Append(new("__form", await applicant.TokenAsync(Applicant.FormPath)))
            .ToList();
        var before = await CountAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await applicant.Http.PostAsync(Applicant.FormPath, new FormUrlEncodedContent(fields));
            return (response.StatusCode, Html: await response.Content.ReadAsStringAsync());
        }));
        Assert.Equal(before + 1, await CountAsync());
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var numbers = answers.Select(a => Html.Parse(a.Html).QuerySelector("#receipt-number")?.Text()).ToList();
        var number = Assert.Single(numbers, n => n is not null);
        Assert.All(answers.Where(a => !a.Html.Contains("id=\"receipt-number\"")),
            a => Assert.Contains($"这份申请已经提交，申请编号为 {number}", a.Html));
    }

    [Fact]
    public async Task Simultaneous_applications_each_get_their_own_number()
    {
        var applicants = Enumerable.Range(0, 8).Select(_ => new Applicant(Portal)).ToList();
        try
        {
            var receipts = await Task.WhenAll(applicants.Select(a => a.ApplyAsync()));
            Assert.Equal(receipts.Length, receipts.Select(r => r.Number).Distinct().Count());
        }
        finally
        {
            foreach (var applicant in applicants) applicant.Dispose();
        }
    }

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "applicantType", "", "请选择申请人类型：公民，或法人或其他组织。" },
        { "name", "", "请填写姓名。" },
        { "idNumber", "", "请填写居民身份证号码。" },
        { "idNumber", "320507198001011232", "校验位" },
        { "idNumber", "32050719800101123", "18 位" },
        { "phone", "", "请填写联系电话。" },
        { "phone", "12345", "联系电话应为手机号（如 13812345678）或固定电话（如 0512-65240000）。" },
        { "address", "", "请填写通信地址。" },
        { "address", new string('路', 201), "通信地址最多 200 个字。" },
        { "postCode", "", "请填写邮政编码。" },
        { "postCode", "21513", "邮政编码应为 6 位数字，如 215131。" },
        { "email", "not-an-address", "电子邮箱格式不正确，如 name@example.cn；不填也可以。" },
        { "email", "", "选择以电子邮件获取时，请填写电子邮箱。" },
        { "description", "", "请描述您申请公开的政府信息（名称、文号或便于查找的特征）。" },
        { "description", new string('文', 2001), "所需信息的描述最多 2000 字，现有 2001 字。" },
        { "delivery", "fax", "请选择获取信息的方式：邮寄、电子邮件或当面领取。" },
        { "medium", "", "请选择信息的载体形式：纸质或电子。" },
        { "notice", "", "请阅读个人信息保护告知，并勾选同意后再提交。" },
        { "name", "张\u202E三", "名称最多 100 个字，且不能含控制字符。" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Each_mistake_is_named_in_Chinese_and_everything_typed_comes_back(string field, string value,
        string message)
    {
        using var applicant = new Applicant(Portal);
        var fields = Applicant.ValidFields();
        fields[field] = value;
        var before = await CountAsync();
        var (status, page, html) = await applicant.PostAsync(Applicant.FormPath, fields);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, page.QuerySelector("#e-" + field).Text());
        Assert.Contains(message, page.QuerySelector(".form-errors").Text());
        Assert.Equal("true", page.QuerySelector("#f-" + field)?.GetAttribute("aria-invalid") ?? "true");
        string[] inputs = ["name", "idNumber", "phone", "address", "postCode", "email"];
        foreach (var name in inputs.Where(n => n != field))
            Assert.Equal(fields[name], page.QuerySelector($"input[name={name}]")!.GetAttribute("value"));
        if (field != "description") Assert.Equal(fields["description"], page.QuerySelector("#f-description").Text());
        if (field != "delivery") Assert.NotNull(page.QuerySelector("#d-email[checked]"));
        if (field != "notice") Assert.NotNull(page.QuerySelector("#c-notice[checked]"));
        Assert.DoesNotContain("Exception", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_organisation_gives_its_credit_code_and_kind()
    {
        using var applicant = new Applicant(Portal);
        var fields = Applicant.ValidFields("某某科技有限公司", "91110000802100433B");
        fields["applicantType"] = "organisation";
        var (status, page, _) = await applicant.PostAsync(Applicant.FormPath, fields);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("请选择组织类别。", page.QuerySelector("#e-organisationKind").Text());
        fields["organisationKind"] = "commercial";
        fields["idNumber"] = "91110000802100433C";
        (status, page, _) = await applicant.PostAsync(Applicant.FormPath, fields);
        Assert.Contains("校验位", page.QuerySelector("#e-idNumber").Text());
        fields["idNumber"] = "91110000802100433B";
        var (number, _) = await applicant.ApplyAsync(fields);
        await using var db = Portal.Settings.Database.CreateContext();
        var row = await db.DisclosureApplications.SingleAsync(a => a.Number == number);
        Assert.Equal(("organisation", "commercial"), (row.ApplicantType, row.OrganisationKind));
    }

    [Fact]
    public async Task A_post_without_its_token_or_from_another_browser_is_refused_with_the_input_kept()
    {
        using var applicant = new Applicant(Portal);
        var before = await CountAsync();
        var (status, page, _) = await applicant.PostAsync(Applicant.FormPath, Applicant.ValidFields(),
            withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("不是从本网站的页面提交的", page.QuerySelector(".form-errors").Text());
        Assert.Equal(Applicant.Name, page.QuerySelector("input[name=name]")!.GetAttribute("value"));

        // A token taken by another browser (a forged page elsewhere) does not match this browser's cookie.
        using var other = new Applicant(Portal);
        var stolen = await other.TokenAsync(Applicant.FormPath);
        var fields = Applicant.ValidFields().Append(new("__form", stolen));
        using var response = await applicant.Http.PostAsync(Applicant.FormPath, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // …nor does the lookup form's token fit the application form.
        var lookupToken = await applicant.TokenAsync(Applicant.LookupPath);
        using var wrongForm = await applicant.Http.PostAsync(Applicant.FormPath,
            new FormUrlEncodedContent(Applicant.ValidFields().Append(new("__form", lookupToken))));
        Assert.Equal(HttpStatusCode.BadRequest, wrongForm.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_quietly_and_nothing_is_kept()
    {
        using var applicant = new Applicant(Portal);
        var before = await CountAsync();
        var fields = Applicant.ValidFields();
        fields["website"] = "http://spam.example/";
        var (status, page, html) = await applicant.PostAsync(Applicant.FormPath, fields);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("#receipt-number"));
        Assert.DoesNotContain("YSQ", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_body_larger_than_the_limit_is_refused_without_a_500()
    {
        using var applicant = new Applicant(Portal);
        var fields = Applicant.ValidFields();
        fields["description"] = new string('文', 20_000); // 60 KB of UTF-8, 180 KB percent-encoded
        var (status, page, _) = await applicant.PostAsync(Applicant.FormPath, fields);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("超过了允许的大小", page.QuerySelector(".form-errors").Text());
    }

    public static TheoryData<string, string> HostileInputs => new()
    {
        { "name", "<script>alert(1)</script>" },
        { "name", "' OR 1=1; DROP TABLE DisclosureApplications; --" },
        { "description", "<img src=x onerror=alert(1)>" + new string('政', 1500) },
        { "description", "\u0000\u0001\u001F\u007F" },
        { "address", "%E4%B8" },
        { "idNumber", "../../etc/passwd" },
        { "email", "a@b@c.cn" },
        { "phone", "+86 138 1234 5678\r\nX-Injected: 1" },
        { "applicantType", "citizen&applicantType=organisation" },
        { "delivery", new string('x', 5000) },
        { "notice", "true" },
        { "website", "<a href=http://spam>" },
        { "__form", "AAAA" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Hostile_input_never_gets_a_server_error_and_comes_back_encoded(string field, string value)
    {
        using var applicant = new Applicant(Portal);
        var fields = Applicant.ValidFields();
        var token = await applicant.TokenAsync(Applicant.FormPath);
        fields["__form"] = token;
        fields[field] = value;
        using var response = await applicant.Http.PostAsync(Applicant.FormPath, new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{field}: {(int)response.StatusCode} {html}");
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public async Task Raw_hostile_bodies_never_get_a_server_error()
    {
        using var applicant = new Applicant(Portal);
        await applicant.TokenAsync(Applicant.FormPath);
        string[] bodies = ["%", "name=%zz%", "a=1&a=2&a=3", "\u0000\u0000", "__form=&name[]=x",
            string.Join("&", Enumerable.Range(0, 200).Select(i => $"f{i}=x"))];
        foreach (var body in bodies)
            foreach (var path in new[] { Applicant.FormPath, Applicant.LookupPath, Applicant.LookupPath + "/bz",
                         Applicant.LookupPath + "/dfs" })
            {
                using var response = await applicant.Http.PostAsync(path,
                    new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
                Assert.True((int)response.StatusCode < 500, $"{path} {body}: {(int)response.StatusCode}");
            }
        using var json = await applicant.Http.PostAsync(Applicant.FormPath,
            new StringContent("{\"name\":1}", Encoding.UTF8, "application/json"));
        Assert.True((int)json.StatusCode < 500);
        using var bad = new ByteArrayContent([0xC0, 0xAF, 0xFF, 0xFE, 0x3D]);
        bad.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var badUtf8 = await applicant.Http.PostAsync(Applicant.FormPath, bad);
        Assert.True((int)badUtf8.StatusCode < 500);
    }

    [Fact]
    public async Task The_right_pair_shows_the_application_and_a_wrong_one_finds_nothing()
    {
        using var applicant = new Applicant(Portal);
        var (number, code) = await applicant.ApplyAsync();
        using var someoneElse = new Applicant(Portal);
        var (status, page, html) = await someoneElse.LookupAsync(number, code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(number, page.QuerySelector("#found-number").Text());
        Assert.Equal("已收到，待登记", page.QuerySelector("#found-status").Text());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", page.QuerySelector("#found-due").Text());
        // The lookup page shows the case, never the applicant's personal data.
        Assert.DoesNotContain(Applicant.IdNumber, html);
        Assert.DoesNotContain(Applicant.Name, html);

        var wrongCode = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        var wrong = await someoneElse.LookupAsync(number, wrongCode);
        var missing = await someoneElse.LookupAsync("YSQ19990101-0001", code);
        foreach (var (s, p, _) in new[] { wrong, missing })
        {
            Assert.Equal(HttpStatusCode.NotFound, s);
            Assert.StartsWith("未找到", p.QuerySelector("#lookup-message").Text());
            Assert.Null(p.QuerySelector("#found-number"));
        }
        Assert.Equal(wrong.Page.QuerySelector("#lookup-message").Text(),
            missing.Page.QuerySelector("#lookup-message").Text());
        // A download with the wrong code gives nothing either.
        var (dfs, _, _) = await someoneElse.PostAsync(Applicant.LookupPath + "/dfs",
            new Dictionary<string, string> { ["number"] = number, ["code"] = wrongCode },
            tokenPage: Applicant.LookupPath);
        Assert.Equal(HttpStatusCode.NotFound, dfs);
    }

    [Fact]
    public async Task The_database_file_holds_no_applicant_name_or_id_number_in_clear()
    {
        using var applicant = new Applicant(Portal);
        const string name = "明文检查人乙", id = "11010519491231002X", phone = "13912345678";
        var fields = Applicant.ValidFields(name, id);
        fields["phone"] = phone;
        fields["address"] = "北京市东城区明文检查路99号";
        await applicant.ApplyAsync(fields);
        // Write everything out of the WAL into the file, then read the raw bytes of both.
        await using (var db = Portal.Settings.Database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);");
        var file = Portal.Settings.Paths.DatabaseFile;
        var bytes = File.ReadAllBytes(file).Concat(File.Exists(file + "-wal") ? File.ReadAllBytes(file + "-wal") : [])
            .ToArray();
        foreach (var secret in new[] { name, id, phone, "明文检查路", "applicant@example.cn" })
        {
            Assert.True(Find(bytes, Encoding.UTF8.GetBytes(secret)) < 0, secret + " is in the database file");
            Assert.True(Find(bytes, Encoding.Unicode.GetBytes(secret)) < 0, secret + " (UTF-16) is in the file");
        }
        // …while what the annual report counts is there to count.
        Assert.True(Find(bytes, Encoding.UTF8.GetBytes("citizen")) >= 0);
    }

    [Fact]
    public async Task The_form_receipt_and_lookup_pages_are_valid_html_in_each_state()
    {
        using var applicant = new Applicant(Portal);
        var pages = new List<string>
        {
            await applicant.Http.GetStringAsync("/zfxxgk/ysqgk/"),
            await applicant.Http.GetStringAsync("/elder/zfxxgk/ysqgk/"),
            await applicant.Http.GetStringAsync("/zh-hant/zfxxgk/ysqgk/cx"),
        };
        var wrong = Applicant.ValidFields();
        (wrong["idNumber"], wrong["notice"], wrong["delivery"]) = ("1", "", "");
        pages.Add((await applicant.PostAsync(Applicant.FormPath, wrong)).Html);
        var (status, _, receipt) = await applicant.PostAsync(Applicant.FormPath, Applicant.ValidFields());
        Assert.Equal(HttpStatusCode.OK, status);
        pages.Add(receipt);
        var page = Html.Parse(receipt);
        var (number, code) = (page.QuerySelector("#receipt-number").Text(), page.QuerySelector("#receipt-code").Text());
        pages.Add((await applicant.LookupAsync(number, code)).Html);
        pages.Add((await applicant.LookupAsync(number, "2222")).Html);

        var source = Path.Combine(Repository.Root, "src", "GovPortal");
        var validator = Path.Combine(source, "node_modules", "html-validate", "bin", "html-validate.mjs");
        using var folder = new TempDirectory();
        var files = new List<string>();
        foreach (var html in pages)
        {
            var file = Path.Combine(folder.Path, $"ysqgk-{files.Count}.html");
            await File.WriteAllTextAsync(file, html);
            files.Add(file);
        }
        var (exitCode, output, errors) = await Processes.RunAsync("node",
            [validator, "--config", Path.Combine(source, "Theme", "htmlvalidate.json"), .. files]);
        Assert.True(exitCode == 0, output + errors);
    }

    private static int Find(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}

/// <summary>The per-client limit of the public forms, on a portal of its own with a small limit.</summary>
public sealed class DisclosureRateLimitTests
{
    [Fact]
    public async Task Too_many_posts_from_one_client_are_refused_with_the_input_kept()
    {
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new PublicFormLimits(PermitLimit: 3, WindowSeconds: 600)));
        using var applicant = new Applicant(portal);
        int before;
        await using (var db = portal.Settings.Database.CreateContext())
            before = await db.DisclosureApplications.CountAsync(); // the demo's own applications
        var fields = Applicant.ValidFields();
        fields["postCode"] = "";
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await applicant.PostAsync(Applicant.FormPath, fields)).Status);
        var (status, page, _) = await applicant.PostAsync(Applicant.FormPath, Applicant.ValidFields());
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("提交过于频繁，请 10 分钟后再试", page.QuerySelector(".form-errors").Text());
        Assert.Equal(Applicant.Name, page.QuerySelector("input[name=name]")!.GetAttribute("value"));
        // The lookup form counts on its own: trying codes is limited the same way.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await applicant.LookupAsync("YSQ20260101-0001", "AAAA")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await applicant.LookupAsync("YSQ20260101-0001", "AAAA")).Status);
        await using var after = portal.Settings.Database.CreateContext();
        Assert.Equal(before, await after.DisclosureApplications.CountAsync());
    }
}

/// <summary>The form's reading of what was typed, without a portal.</summary>
public sealed class ApplicationFormReadingTests
{
    private static ApplicationForm FormWith(string field, string value)
    {
        var fields = Applicant.ValidFields();
        fields[field] = value;
        return ApplicationForm.From(new Microsoft.AspNetCore.Http.FormCollection(
            fields.ToDictionary(f => f.Key, f => new Microsoft.Extensions.Primitives.StringValues(f.Value))));
    }

    [Theory]
    [InlineData("phone", "１３８１２３４５６７８")]
    [InlineData("phone", "١٣٨١٢٣٤٥٦٧٨")]
    [InlineData("postCode", "２１５１３１")]
    public void Digits_of_other_scripts_are_not_taken_for_a_number(string field, string value) =>
        Assert.True(FormWith(field, value).Validate().ContainsKey(field));

    [Fact]
    public void The_id_number_is_sealed_as_the_checks_read_it()
    {
        var form = FormWith("idNumber", "3205 0719 8001 0112 31");
        Assert.False(form.Validate().ContainsKey("idNumber"));
        Assert.Equal(Applicant.IdNumber, form.Details().IdNumber);
    }
}
