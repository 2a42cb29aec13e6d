namespace GovPortal.Hosting;

public enum PortalCommand
{
    Serve,
    Publish,
    Scan,
    Check,
    Reindex,
    Mourning,
    Doctor,
    RotateKey,
    Backup,
    Restore,
    VerifyAudit,
    SecureAudit,
    PruneAudit,
    Init,
    Import,
    Help,
}

/// <summary>What the command line asked for. Anything it does not understand is an error, never ignored.</summary>
public sealed record CommandLine(PortalCommand Command, string DataDirectory, string Urls, string? Database)
{
    /// <summary>The files to check (scan command).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Hosts that links, scripts and frames may point to (scan command).</summary>
    public IReadOnlySet<string> AllowedHosts { get; init; } = new HashSet<string>();

    /// <summary>Where the check command writes its CSV, if anywhere.</summary>
    public string? CsvFile { get; init; }

    /// <summary>Whether the check command also tries links to other sites.</summary>
    public bool CheckExternalLinks { get; init; }

    /// <summary>The mourning command's new list of dates; null to show the current list.</summary>
    public IReadOnlyList<DateOnly>? MourningDates { get; init; }

    /// <summary>Proxies whose X-Forwarded-For names the reader's address (serve command).</summary>
    public IReadOnlyList<System.Net.IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>--public-node: serve the published site only, without a back office (a node in the DMZ).</summary>
    public bool PublicNode { get; init; }

    /// <summary>--admin-path: the back office's address prefix.</summary>
    public string? BackOfficePath { get; init; }

    /// <summary>--admin-allow: networks the back office may be reached from (后台访问限制).</summary>
    public IReadOnlyList<System.Net.IPNetwork> BackOfficeNetworks { get; init; } = [];

    /// <summary>--admin-name: account name of the first administrator.</summary>
    public string? FirstAdministratorName { get; init; }

    /// <summary>--audit-hash: the audit chain's algorithm for new entries (SM3 or SHA-256); null for SM3.</summary>
    public string? AuditHash { get; init; }

    /// <summary>--before: prune-audit deletes the entries older than this China date.</summary>
    public DateOnly? AuditBefore { get; init; }

    /// <summary>--export: the file prune-audit writes the entries to before deleting them.</summary>
    public string? ExportFile { get; init; }

    /// <summary>--owner: the connection string of the audit tables' owner role (secure-audit, prune-audit).</summary>
    public string? OwnerConnectionString { get; init; }

    /// <summary>--anchor 序号:哈希: an entry verify-audit must find with this hash (recorded by the operator).</summary>
    public string? AuditAnchor { get; init; }

    /// <summary>--personal-data-cipher: aes-gcm or sm4-gcm for new people's data.</summary>
    public Citizens.Protection.PersonalDataAlgorithm? PersonalDataCipher { get; init; }

    /// <summary>--session-idle: minutes without a request after which a back-office session ends.</summary>
    public int? SessionIdleMinutes { get; init; }

    /// <summary>--session-max: hours after the sign-in at which a back-office session ends, however active.</summary>
    public int? SessionMaxHours { get; init; }

    /// <summary>--dynamic-limit: dynamic requests of one kind handled at once before more wait (serve command).
    /// </summary>
    public int? DynamicLimit { get; init; }

    /// <summary>--dynamic-queue: dynamic requests of one kind that wait for a place before more are shed.</summary>
    public int? DynamicQueue { get; init; }

    /// <summary>--demo: on a data folder without a site, make the demo site (serve, publish, check, reindex).</summary>
    public bool Demo { get; init; }

    /// <summary>The empty site <c>init</c> creates: its name, domain and 主办单位.</summary>
    public NewSite? NewSite { get; init; }

    /// <summary>--site: the code of the site <c>import</c> brings the old pages into.</summary>
    public string? ImportSite { get; init; }

    /// <summary>--publish: <c>import</c> publishes what it imports (else drafts).</summary>
    public bool ImportPublishes { get; init; }

    /// <summary>--channel: the channel of imported pages whose breadcrumb names none of the site's.</summary>
    public string? ImportChannel { get; init; }

    /// <summary>--redis: the Redis server shared by several nodes and origins (view counts, rate limits, leases).
    /// </summary>
    public string? Redis { get; init; }

    // Records compare lists by reference; compare what they hold.
    public bool Equals(CommandLine? other) =>
        other is not null && Command == other.Command && DataDirectory == other.DataDirectory && Urls == other.Urls
        && Database == other.Database && Files.SequenceEqual(other.Files) && AllowedHosts.SetEquals(other.AllowedHosts)
        && CsvFile == other.CsvFile && CheckExternalLinks == other.CheckExternalLinks
        && TrustedProxies.SequenceEqual(other.TrustedProxies)
        && PublicNode == other.PublicNode && BackOfficePath == other.BackOfficePath
        && BackOfficeNetworks.SequenceEqual(other.BackOfficeNetworks)
        && FirstAdministratorName == other.FirstAdministratorName
        && AuditHash == other.AuditHash && AuditBefore == other.AuditBefore && ExportFile == other.ExportFile
        && OwnerConnectionString == other.OwnerConnectionString && AuditAnchor == other.AuditAnchor
        && PersonalDataCipher == other.PersonalDataCipher
        && SessionIdleMinutes == other.SessionIdleMinutes && SessionMaxHours == other.SessionMaxHours
        && DynamicLimit == other.DynamicLimit && DynamicQueue == other.DynamicQueue
        && Demo == other.Demo && NewSite == other.NewSite
        && ImportSite == other.ImportSite && ImportPublishes == other.ImportPublishes
        && ImportChannel == other.ImportChannel && Redis == other.Redis
        && (MourningDates ?? []).SequenceEqual(other.MourningDates ?? [])
        && (MourningDates is null) == (other.MourningDates is null);

    public override int GetHashCode() => HashCode.Combine(Command, DataDirectory, Urls, Database, Files.Count);

    public const string DefaultUrls = "http://localhost:5080";

    public const string Usage = """
        用法: GovPortal [命令] [选项]

        命令:
          init --name 网站名称 --domain 域名 [--organisation 主办单位]
                     在新的数据目录中建立一个空白网站（没有栏目和文章），然后用 serve 运行，在后台设置栏目和
                     网站信息；数据目录中已有网站时不做任何修改
          serve      运行门户网站（默认）：后台数据库、发布输出和公众访问服务。数据目录中还没有网站时须先
                     init，或加 --demo 使用演示站点
          publish    全量重新发布整个网站，并报告页面数量和速度
          scan 文件… 检查网页或文本文件中的色情、赌博等垃圾信息、暗链、外部脚本、框架和跳转，
                     逐条列出位置；发现必须处理的问题时退出码为 1
          check      网站健康检查（首页和栏目更新、空白栏目、不可用链接、页面内容安全、网页防篡改），
                     有单项否决问题时退出码为 1，可定时运行
          reindex    重建站内搜索索引（页面保持不变），例如索引损坏或被删除后
          mourning [日期…|clear]
                     全站置灰的日期（哀悼日）：不带参数时列出；给出日期（如 2026-12-13）时设为这些日期；
                     clear 清空。这些日期里每个公众页面都以灰色显示。门户运行时请在后台“设置”页面修改
                     （立即生效），本命令只在门户停止时修改
          doctor     上线前和每次升级后检查本机：数据库、数据目录（权限、文件系统、剩余空间）、时钟、
                     inotify 上限、信任的反向代理；每项一行（通过／警告／失败），不做任何修改，
                     有失败项时退出码为 1
          rotate-key 更换个人信息加密密钥：在密钥文件中加一把新密钥，此后新数据用它加密，已有数据仍可用旧密钥读取；
                     只在门户停止时运行。密钥文件默认为 数据目录/keys/personal-data.keys（环境变量
                     GOVPORTAL_KEY_FILE 可指定其他位置），须与数据库分开备份
          backup 目录
                     备份正在运行或已停止的门户到一个新的空目录：数据库（SQLite 在线备份或 pg_dump）、各站点的发布清单、
                     对象库、上传文件、信件附件、密钥（在 目录/keys，请与其余部分分开保管）；每个文件记录 SHA-256
          restore 目录
                     把备份恢复到一个新的空数据目录（PostgreSQL 时恢复到 --database 指定的空数据库）：先校验备份，
                     再按发布清单重建并逐个核对已发布的页面；搜索索引在首次启动时重建
          verify-audit
                     校验审计日志的哈希链：逐条核对每条记录的哈希和前一条的哈希，报告第一处被修改、删除、插入或
                     调换顺序的记录，链断开时退出码为 1；最后打印最新一条的序号和哈希，请另行记录（--anchor 比对）
          secure-audit --owner 连接串
                     （PostgreSQL）把审计日志表交给另一个数据库角色所有，门户的角色只保留插入和查询权限，
                     从此连门户的数据库账号也不能修改或删除审计记录；只需运行一次
          prune-audit --before 日期 --export 文件
                     删除该日期（至少 180 天以前）之前的审计记录，删除前先全部导出到文件（JSON Lines，含哈希）；
                     哈希链保持可校验。运行过 secure-audit 的数据库须加 --owner
          import --site 网站代码 目录 [--publish] [--channel 栏目] [--csv 报告]
                     迁移旧网站：从旧网站的页面目录（wget --mirror 镜像或保存为文本的页面）导入文章，识别标题、
                     发布日期、来源、正文、附件和栏目（按“当前位置”导航匹配本站栏目），修复镜像造成的拼音和繁体，
                     内容安全检查不通过的页面拦截、不导入；默认导入为草稿，--publish 时按原发布日期发布，旧文章地址
                     301 跳转到新地址。重复运行不会重复导入。每个页面的结果写入 CSV 报告（默认在 数据目录/import/）；
                     只在门户停止时运行
          help       显示本说明

        选项:
          --data 目录        所有状态（数据库、发布输出、上传文件）存放的目录，默认 ./data
          --demo             数据目录中还没有网站时，建立演示站点（苏州市相城区人民政府的示例栏目和文章）
          --name 名称        init 建立的网站名称，例如 苏州市相城区人民政府
          --domain 域名      init 建立的网站的域名，例如 www.szxc.gov.cn（网站地址为 https://域名）
          --organisation 单位 init 建立的网站的主办单位
          --urls 地址        监听地址，默认 http://localhost:5080（多个地址用分号分隔）
          --database 连接串  使用 PostgreSQL，例如 "Host=db;Database=govportal;Username=gov;Password=..."
                             （不指定时使用 数据目录/govportal.db 的内置 SQLite）
          --allow-host 域名  scan 时允许链接、脚本和框架指向的域名（可重复，含子域名）
          --csv 文件         check 的结果另存为 CSV；import 的报告文件
          --site 代码        import 导入到哪个网站（网站代码，例如 main、hd）
          --publish          import 时直接发布导入的文章（保留原发布日期），否则导入为草稿
          --channel 栏目     import 时“当前位置”对应不到本站栏目的页面放入此栏目（栏目代码或路径，如 xwzx/xcyw），
                             不指定时这些页面跳过
          --check-external   check 时也检查站外链接（每个链接最多等 5 秒；内网环境请勿使用）
          --trusted-proxy IP 门户前面的反向代理地址（可重复）；来自它的请求按 X-Forwarded-For 识别访问者，
                             搜索频率限制按访问者而不是代理计算
          --admin-path 路径  后台地址，默认 /admin（例如 /houtai-7f3a，可降低被扫描的机会）
          --admin-allow 网段 后台访问限制：只允许这些网段访问后台（可重复），例如 10.0.0.0/8、192.168.1.20/32
          --personal-data-cipher 算法
                             新的个人信息用哪种算法加密：aes-gcm（默认）或 sm4-gcm（国密 SM4，用于密评）；
                             已加密的数据记录了各自的算法，切换后仍可读取。环境变量
                             GOVPORTAL_PERSONAL_DATA_CIPHER 作用相同
          --admin-name 账号  首次运行时创建的系统管理员账号名，默认 admin
          --session-idle 分钟 后台登录多少分钟未操作后自动退出，默认 30（1 到 480）
          --session-max 小时  后台每次登录最长有效多少小时，默认 12（1 到 72）
          --dynamic-limit 数量
                             同时处理的动态请求数（搜索和浏览计数、公众表单各自计算），默认为 CPU 核数的 4 倍；
                             超出的请求排队等候
          --dynamic-queue 数量
                             排队等候的动态请求数，默认为 CPU 核数的 8 倍；再多的请求（或等候超过 2 秒的）立即得到
                             503“网站访问繁忙”，已发布的页面不受影响
          --public-node      公众访问节点（如部署在 DMZ）：只提供已发布的网站，完全不提供后台；与 --database
                             （PostgreSQL 只读副本）一起使用时，从副本同步源站发布的网站，不写任何数据库
          --redis 地址       多个节点和源站共用的 Redis，例如 10.0.2.20:6379：浏览次数、搜索和表单的频率限制、
                             定时发布只由一个源站执行
          --audit-hash 算法  审计日志哈希链的算法：SM3（默认）或 SHA-256
          --owner 连接串     审计日志表所有者角色的 PostgreSQL 连接串（secure-audit、prune-audit）
          --before 日期      prune-audit 删除此日期（年-月-日，北京时间）之前的记录
          --export 文件      prune-audit 导出被删除记录的文件（不能是已有文件）
          --anchor 序号:哈希 verify-audit 时核对这条记录仍在且哈希相同（此前记下的最后一条），发现末尾被删除
        环境变量 GOVPORTAL_DATABASE 与 --database 作用相同。
        """;

    /// <returns>The parsed command line, or an error message (in Chinese) for the user.</returns>
    public static (CommandLine? Parsed, string? Error) Parse(
        IReadOnlyList<string> args, string? databaseFromEnvironment = null)
    {
        var command = PortalCommand.Serve;
        var commandSeen = false;
        string data = "data", urls = DefaultUrls;
        var database = string.IsNullOrWhiteSpace(databaseFromEnvironment) ? null : databaseFromEnvironment;
        var files = new List<string>();
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? csv = null;
        var checkExternal = false;
        var publicNode = false;
        var demo = false;
        var importPublishes = false;
        string? importSite = null, importChannel = null, redis = null;
        string? siteName = null, siteDomain = null, siteOrganisation = null;
        string? adminPath = null, adminName = null;
        string? auditHash = null, exportFile = null, owner = null, anchor = null;
        DateOnly? auditBefore = null;
        GovPortal.Citizens.Protection.PersonalDataAlgorithm? personalDataCipher = null;
        int? sessionIdle = null, sessionMax = null, dynamicLimit = null, dynamicQueue = null;
        var adminNetworks = new List<System.Net.IPNetwork>();
        var proxies = new List<System.Net.IPAddress>();
        List<DateOnly>? mourning = null;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 2)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            switch (arg)
            {
                case "--help" or "-h" or "--check-external" or "--public-node" or "--demo" or "--publish"
                    when inlineValue is not null:
                    return (null, $"选项 {arg} 不带值。");
                case "--help" or "-h":
                    command = PortalCommand.Help;
                    commandSeen = true;
                    break;
                case "--check-external":
                    checkExternal = true;
                    break;
                case "--public-node":
                    publicNode = true;
                    break;
                case "--demo":
                    demo = true;
                    break;
                case "--publish":
                    importPublishes = true;
                    break;
                case "--data" or "--urls" or "--database" or "--allow-host" or "--csv" or "--trusted-proxy"
                    or "--admin-path" or "--admin-allow" or "--admin-name" or "--audit-hash" or "--before"
                    or "--export" or "--owner" or "--anchor" or "--personal-data-cipher"
                    or "--session-idle" or "--session-max" or "--dynamic-limit" or "--dynamic-queue"
                    or "--name" or "--domain" or "--organisation" or "--site" or "--channel" or "--redis":
                    var value = inlineValue
                        ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                            ? args[++i]
                            : null);
                    if (string.IsNullOrWhiteSpace(value)) return (null, $"选项 {arg} 需要一个值。");
                    if (arg == "--data") data = value;
                    else if (arg == "--name") siteName = value.Trim();
                    else if (arg == "--domain") siteDomain = value.Trim();
                    else if (arg == "--organisation") siteOrganisation = value.Trim();
                    else if (arg == "--site") importSite = value.Trim();
                    else if (arg == "--channel") importChannel = value.Trim();
                    else if (arg == "--redis") redis = value.Trim();
                    else if (arg == "--urls") urls = value;
                    else if (arg == "--allow-host") hosts.Add(value.Trim().ToLowerInvariant());
                    else if (arg == "--csv") csv = value;
                    else if (arg == "--admin-path")
                    {
                        adminPath = BackOffice.BackOfficeOptions.NormalizePath(value);
                        if (adminPath is null)
                            return (null, $"--admin-path 只能由字母、数字、- 和 _ 组成，例如 /houtai，而不是“{value}”。");
                    }
                    else if (arg == "--admin-allow")
                    {
                        var text = value.Trim();
                        if (!text.Contains('/'))
                            text += System.Net.IPAddress.TryParse(text, out var single)
                                    && single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                                ? "/128"
                                : "/32";
                        if (!System.Net.IPNetwork.TryParse(text, out var network))
                            return (null, $"--admin-allow 需要一个网段，例如 10.0.0.0/8 或 192.168.1.20，而不是“{value}”。");
                        adminNetworks.Add(network);
                    }
                    else if (arg == "--admin-name")
                    {
                        var name = value.Trim();
                        if (name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                            return (null, $"--admin-name 只能由字母、数字、点、- 和 _ 组成，而不是“{value}”。");
                        adminName = name;
                    }
                    else if (arg == "--audit-hash")
                    {
                        auditHash = BackOffice.Audit.AuditChainHash.Normalize(value);
                        if (auditHash is null) return (null, $"--audit-hash 只能是 SM3 或 SHA-256，而不是“{value}”。");
                    }
                    else if (arg == "--before")
                    {
                        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd",
                                System.Globalization.CultureInfo.InvariantCulture,
                                System.Globalization.DateTimeStyles.None, out var before))
                            return (null, $"--before 的日期格式不对，应为 年-月-日，例如 2026-01-01，而不是“{value}”。");
                        auditBefore = before;
                    }
                    else if (arg == "--export") exportFile = value;
                    else if (arg == "--owner") owner = value;
                    else if (arg == "--anchor")
                    {
                        if (BackOffice.Audit.AuditAnchorCheck.Parse(value) is null)
                            return (null, $"--anchor 应为 序号:哈希，例如 1024:9f86…（verify-audit 打印的那一行），而不是“{value}”。");
                        anchor = value.Trim();
                    }
                    else if (arg == "--personal-data-cipher")
                    {
                        personalDataCipher = GovPortal.Citizens.Protection.PersonalDataAead.Parse(value);
                        if (personalDataCipher is null)
                            return (null, $"--personal-data-cipher 只能是 aes-gcm 或 sm4-gcm，而不是“{value}”。");
                    }
                    else if (arg is "--session-idle" or "--session-max")
                    {
                        var (low, high) = arg == "--session-idle" ? (1, 480) : (1, 72);
                        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.None,
                                System.Globalization.CultureInfo.InvariantCulture, out var number)
                            || number < low || number > high)
                            return (null, $"{arg} 需要 {low} 到 {high} 之间的整数" +
                                          $"（{(arg == "--session-idle" ? "分钟" : "小时")}），而不是“{value}”。");
                        if (arg == "--session-idle") sessionIdle = number;
                        else sessionMax = number;
                    }
                    else if (arg is "--dynamic-limit" or "--dynamic-queue")
                    {
                        var (low, high) = arg == "--dynamic-limit" ? (1, 10_000) : (0, 100_000);
                        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.None,
                                System.Globalization.CultureInfo.InvariantCulture, out var number)
                            || number < low || number > high)
                            return (null, $"{arg} 需要 {low} 到 {high} 之间的整数，而不是“{value}”。");
                        if (arg == "--dynamic-limit") dynamicLimit = number;
                        else dynamicQueue = number;
                    }
                    else if (arg == "--trusted-proxy")
                    {
                        if (!System.Net.IPAddress.TryParse(value.Trim(), out var proxy))
                            return (null, $"--trusted-proxy 需要一个 IP 地址，例如 127.0.0.1，而不是“{value}”。");
                        proxies.Add(proxy);
                    }
                    else database = value;
                    break;
                default:
                    if (arg.StartsWith('-')) return (null, $"未知选项：{arg}");
                    if (commandSeen && command is (PortalCommand.Backup or PortalCommand.Restore
                            or PortalCommand.Import) && files.Count == 0)
                    {
                        files.Add(arg);
                        break;
                    }
                    if (commandSeen && command == PortalCommand.Scan)
                    {
                        files.Add(arg);
                        break;
                    }
                    if (commandSeen && command == PortalCommand.Mourning)
                    {
                        mourning ??= [];
                        if (arg == "clear") break;
                        if (!DateOnly.TryParseExact(arg, "yyyy-MM-dd",
                                System.Globalization.CultureInfo.InvariantCulture,
                                System.Globalization.DateTimeStyles.None, out var date))
                            return (null, $"日期“{arg}”的格式不对，应为 年-月-日，例如 2026-12-13。");
                        mourning.Add(date);
                        break;
                    }
                    if (commandSeen) return (null, $"多余的参数：{arg}");
                    PortalCommand? parsed = arg switch
                    {
                        "serve" => PortalCommand.Serve,
                        "publish" => PortalCommand.Publish,
                        "scan" => PortalCommand.Scan,
                        "check" => PortalCommand.Check,
                        "reindex" => PortalCommand.Reindex,
                        "mourning" => PortalCommand.Mourning,
                        "doctor" => PortalCommand.Doctor,
                        "rotate-key" => PortalCommand.RotateKey,
                        "backup" => PortalCommand.Backup,
                        "restore" => PortalCommand.Restore,
                        "verify-audit" => PortalCommand.VerifyAudit,
                        "secure-audit" => PortalCommand.SecureAudit,
                        "prune-audit" => PortalCommand.PruneAudit,
                        "init" => PortalCommand.Init,
                        "import" => PortalCommand.Import,
                        "help" => PortalCommand.Help,
                        _ => null,
                    };
                    if (parsed is null) return (null, $"未知命令：{arg}");
                    command = parsed.Value;
                    commandSeen = true;
                    break;
            }
        }
        if (command == PortalCommand.Scan && files.Count == 0) return (null, "scan 需要至少一个要检查的文件。");
        if (command is (PortalCommand.Backup or PortalCommand.Restore) && files.Count == 0)
            return (null, $"{(command == PortalCommand.Backup ? "backup" : "restore")} 需要一个备份目录。");
        if (command == PortalCommand.Init && (siteName is null || siteDomain is null))
            return (null, "init 需要 --name 网站名称 和 --domain 域名，例如 init --name 苏州市相城区人民政府 --domain www.szxc.gov.cn。");
        if (command == PortalCommand.Init && demo) return (null, "init 建立空白网站，不能与 --demo 同时使用。");
        if (command != PortalCommand.Init && (siteName ?? siteDomain ?? siteOrganisation) is not null)
            return (null, "--name、--domain 和 --organisation 只用于 init。");
        if (command == PortalCommand.Import && (importSite is null || files.Count == 0))
            return (null, "import 需要 --site 网站代码 和旧网站的页面目录，例如 import --site main /srv/old-site。");
        if (command != PortalCommand.Import && (importPublishes || (importSite ?? importChannel) is not null))
            return (null, "--site、--publish 和 --channel 只用于 import。");
        if (command == PortalCommand.SecureAudit && owner is null)
            return (null, "secure-audit 需要 --owner：审计日志表新所有者角色的 PostgreSQL 连接串。");
        if (command == PortalCommand.PruneAudit && (auditBefore is null || exportFile is null))
            return (null, "prune-audit 需要 --before 日期 和 --export 文件：记录先导出，再删除。");
        return (new CommandLine(command, data, urls, database)
        {
            Files = files, AllowedHosts = hosts, CsvFile = csv, CheckExternalLinks = checkExternal,
            TrustedProxies = proxies, PublicNode = publicNode, BackOfficePath = adminPath,
            BackOfficeNetworks = adminNetworks, FirstAdministratorName = adminName,
            AuditHash = auditHash, AuditBefore = auditBefore, ExportFile = exportFile, OwnerConnectionString = owner,
            AuditAnchor = anchor,
            MourningDates = mourning?.Distinct().Order().ToList(), PersonalDataCipher = personalDataCipher,
            SessionIdleMinutes = sessionIdle, SessionMaxHours = sessionMax,
            DynamicLimit = dynamicLimit, DynamicQueue = dynamicQueue, Demo = demo,
            ImportSite = importSite, ImportPublishes = importPublishes, ImportChannel = importChannel, Redis = redis,
            NewSite = command == PortalCommand.Init
                ? new NewSite(siteName!, siteDomain!, siteOrganisation ?? "")
                : null,
        }, null);
    }
}
