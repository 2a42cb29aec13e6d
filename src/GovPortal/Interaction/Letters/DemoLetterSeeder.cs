using GovPortal.Citizens.Receipts;
using GovPortal.Content;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Interaction.Letters;

/// <summary>
/// The demo site's 区长信箱 with twelve letters in every state the office knows — new, assigned, returned, awaiting
/// review, replied, replied and published (选登), overdue, merged, held in 待甄别 (the seed page's spam line as its
/// text), rejected, rated — dated in November 2026 (<see cref="DemoDay"/>), inside the working-day calendar the
/// portal ships, like the demo's other dated records: on that day's morning one letter is overdue and two are due
/// soon, and none is unanswered for three months until March 2027. Written through the same model as real letters:
/// receipt numbers from the counter, random 查询码 stored hashed, the citizens' words sealed.
/// </summary>
public sealed class DemoLetterSeeder(LetterSeal seal)
{
    public const string MailboxCode = "qzxx";

    /// <summary>The demo's 承办人 and 审核人 of the 司法局 (accounts made after the first administrator).</summary>
    public const string HandlerName = "sfj.chengban";

    public const string ReviewerName = "sfj.shenhe";

    public const int LetterCount = 12;

    /// <summary>The day the demo's letters are dated from (a Monday).</summary>
    public static readonly DateOnly DemoDay = new(2026, 11, 30);

    /// <summary>The line of spam the captured seed page carried: a letter with it is held in 待甄别.</summary>
    public const string SpamText = "一区二区三区视频在线观看,国产不卡AV在线,女人喷液在线观看免费,久久综合免费人伦观看";

    /// <summary>Writes the letters once, right after the demo site is created; a mailbox with letters is left alone.
    /// </summary>
    public async Task SeedAsync(GovPortalDbContext db, CancellationToken cancellationToken = default)
    {
        var siteId = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);
        var nowUtc = ChinaTime.ToUtc(DemoDay.Year, DemoDay.Month, DemoDay.Day, 10, 0);
        var mailbox = await db.Mailboxes.FirstOrDefaultAsync(m => m.SiteId == siteId && m.Code == MailboxCode,
            cancellationToken);
        if (mailbox is null)
        {
            mailbox = new Mailbox
            {
                SiteId = siteId, Code = MailboxCode, Name = "区长信箱", SortOrder = 1,
                Description = "向区长反映问题、提出意见建议。来信由区政府办公室分办，承办单位在规定期限内答复。",
            };
            db.Mailboxes.Add(mailbox);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (await db.Letters.AnyAsync(l => l.MailboxId == mailbox.Id, cancellationToken)) return;
        var organisations = await db.Organisations.Where(o => o.SiteId == siteId).OrderBy(o => o.SortOrder)
            .Select(o => o.Id).ToListAsync(cancellationToken);
        int? office = organisations.Count > 0 ? organisations[0] : null;
        int? justice = organisations.Count > 1 ? organisations[1] : office;
        var today = DemoDay;

        async Task<Letter> WriteAsync(int daysAgo, string kind, string subject, string text, string name,
            bool mayPublish, LetterStatus status)
        {
            var received = today.AddDays(-daysAgo);
            var number = await ReceiptNumbers.NextAsync(db, siteId, "XJ", received, cancellationToken);
            var code = QueryCode.Hash(QueryCode.NewCode());
            var letter = new Letter
            {
                SiteId = siteId, MailboxId = mailbox.Id, Number = number, QueryCodeSalt = code.Salt,
                QueryCodeHash = code.Hash, Kind = kind, MayPublish = mayPublish, ReceivedOn = received,
                ReceivedAtUtc = ChinaTime.ToUtc(received.Year, received.Month, received.Day, 9, 30),
                ReplyDays = mailbox.ReplyDaysFor(kind), Status = status,
            };
            letter.SealedContent = seal.Seal(new LetterContent(subject, text, name, "13912345678", ""), number);
            db.Letters.Add(letter);
            // Saved one by one: the receipt counter is raised in the same context for each number.
            await db.SaveChangesAsync(cancellationToken);
            return letter;
        }

        void Assign(Letter letter, int? organisation, int daysAgo)
        {
            letter.OrganisationId = organisation;
            letter.AssignedAtUtc = nowUtc.AddDays(-daysAgo);
            letter.AssignedBy = "信箱管理员";
        }

        void Reply(Letter letter, int daysAgo, string reply)
        {
            letter.DraftReply = reply;
            letter.DraftedBy = HandlerName;
            letter.DraftedAtUtc = nowUtc.AddDays(-daysAgo - 1);
            letter.Reply = reply;
            letter.RepliedOn = today.AddDays(-daysAgo);
            letter.RepliedAtUtc = nowUtc.AddDays(-daysAgo);
            letter.ApprovedBy = ReviewerName;
        }

        await WriteAsync(1, LetterKinds.Suggestion, "建议在阳澄湖大道增设公交站点",
            "阳澄湖大道与澄阳路交叉口附近新建小区较多，最近的公交站点步行需要二十分钟，建议增设站点。", "陈明", true,
            LetterStatus.New);

        var assigned = await WriteAsync(2, LetterKinds.Consult, "社区法律援助如何申请",
            "家中老人与物业公司有纠纷，想了解社区法律援助的申请条件和需要准备的材料。", "王丽", false,
            LetterStatus.Assigned);
        Assign(assigned, justice, 1);

        var returned = await WriteAsync(3, LetterKinds.Complaint, "小区门口夜间施工噪音扰民",
            "小区门口道路施工每晚十一点后仍在作业，噪音很大，影响休息。", "张伟", false, LetterStatus.Returned);
        returned.ReturnReason = "夜间施工噪音属于生态环境部门和住建部门职责，不属于本单位，请重新分办。";
        returned.AssignedAtUtc = nowUtc.AddDays(-2);
        returned.AssignedBy = "信箱管理员";

        var review = await WriteAsync(4, LetterKinds.Consult, "人民调解委员会的调解是否收费",
            "邻里之间因为漏水问题发生纠纷，请问找村里的人民调解委员会调解是否需要交费？", "刘洋", true,
            LetterStatus.AwaitingReview);
        Assign(review, justice, 3);
        review.DraftReply = "您好！人民调解委员会调解民间纠纷不收取任何费用。您可以向所在村（社区）人民调解委员会申请调解，"
                            + "也可拨打区司法局公共法律服务热线咨询。感谢您的来信。";
        review.DraftedBy = HandlerName;
        review.DraftedAtUtc = nowUtc.AddDays(-1);

        var replied = await WriteAsync(12, LetterKinds.Suggestion, "建议增加周末公证服务",
            "上班族工作日很难请假办理公证，建议公证处在周末提供预约服务。", "赵敏", false, LetterStatus.Replied);
        Assign(replied, justice, 11);
        Reply(replied, 5, "您好！感谢您的建议。相城公证处已于本月起在每周六上午提供预约公证服务，"
                          + "可通过“相城司法”公众号预约。");

        var published = await WriteAsync(20, LetterKinds.Consult, "社区矫正对象能否外出就医",
            "我的家属是社区矫正对象，需要到上海住院治疗，请问需要办理什么手续？", "孙强", true, LetterStatus.Replied);
        Assign(published, justice, 19);
        Reply(published, 15, "您好！社区矫正对象因就医需要离开所居住的市、县，应当向社区矫正机构提出书面申请，"
                             + "并提供医院证明等材料，经批准后方可外出。具体可咨询所在镇（街道）司法所。");
        published.PublishedAtUtc = nowUtc.AddDays(-14);
        published.PublishedBy = "信箱管理员";
        published.PublicSubject = "社区矫正对象能否外出就医";
        published.PublicText = "我的家属是社区矫正对象，需要到外地住院治疗，请问需要办理什么手续？";
        published.PublicName = "孙*";

        var overdue = await WriteAsync(30, LetterKinds.Complaint, "村道路灯长期不亮",
            "黄埭镇某村村道的路灯已经坏了两个多月，晚上出行很不安全，多次反映没有解决。", "周杰", false,
            LetterStatus.Assigned);
        Assign(overdue, office, 29);

        var merged = await WriteAsync(11, LetterKinds.Suggestion, "周末能不能办公证",
            "希望公证处周末也能办理业务，方便上班族。", "吴芳", false, LetterStatus.Merged);
        merged.MergedIntoId = replied.Id;

        var held = await WriteAsync(0, LetterKinds.Other, "（无标题）", SpamText, "匿名", false,
            LetterStatus.Screening);
        held.ScreeningReason = "触发内容检查：垃圾信息";

        var rejected = await WriteAsync(6, LetterKinds.Other, "推广", SpamText, "匿名", false, LetterStatus.Rejected);
        rejected.ScreeningReason = "触发内容检查：垃圾信息；不予受理：广告内容，与政务无关。";

        var rated = await WriteAsync(25, LetterKinds.Help, "申请法律援助被告知材料不全",
            "我申请法律援助时被告知材料不全，但工作人员没有说明缺哪些材料。", "郑华", false, LetterStatus.Replied);
        Assign(rated, justice, 24);
        Reply(rated, 18, "您好！经核实，您需要补充提交经济困难状况的个人诚信承诺。我们已安排工作人员与您电话联系，"
                         + "一次性告知所需材料。");
        rated.Rating = LetterRatings.Satisfied;
        rated.SealedRatingComment = seal.SealRatingComment("答复及时，问题已解决。", rated.Number);
        rated.RatedAtUtc = nowUtc.AddDays(-16);

        var soon = await WriteAsync(5, LetterKinds.Consult, "区政府信息公开申请如何提交",
            "想申请公开本村土地征收的批复文件，请问应该向哪个部门提出申请？", "冯刚", false, LetterStatus.Assigned);
        Assign(soon, office, 4);

        await db.SaveChangesAsync(cancellationToken);
    }
}
