using System.Diagnostics;
using GovPortal.Storage;

namespace GovPortal.Hosting.Doctor;

/// <summary>The machine around the portal: its clock, its file-watch limits, the proxies it trusts.</summary>
public static class MachineDoctor
{
    /// <summary>
    /// Publication times are shown in China Standard Time whatever the machine's zone (they are stored in UTC),
    /// so the zone needs nothing; a clock that is off does (forged-looking dates fail the inspection).
    /// </summary>
    public static async Task<DoctorFinding> CheckClockAsync(CancellationToken cancellationToken)
    {
        const string subject = "时钟";
        var zone = $"页面时间一律按北京时间（UTC+8）显示，与本机时区（{TimeZoneInfo.Local.Id}）无关";
        if (await RunAsync("timedatectl", ["show", "--property=NTPSynchronized", "--value"], cancellationToken)
            is { } synchronized)
            return synchronized.Trim() == "yes"
                ? DoctorFinding.Pass(subject, $"已与 NTP 同步；{zone}")
                : DoctorFinding.Warn(subject, $"本机时钟没有与 NTP 同步，发布时间可能不准；请启用时间同步" +
                                              $"（timedatectl set-ntp true）。{zone}");
        if (await RunAsync("chronyc", ["-c", "tracking"], cancellationToken) is { } tracking
            && tracking.Split(',') is { Length: > 4 } fields
            && double.TryParse(fields[4], System.Globalization.CultureInfo.InvariantCulture, out var offset))
            return Math.Abs(offset) < 1
                ? DoctorFinding.Pass(subject, $"与 NTP 相差 {offset * 1000:0.###} 毫秒；{zone}")
                : DoctorFinding.Warn(subject, $"与 NTP 相差 {offset:0.###} 秒，请检查时间同步；{zone}");
        return DoctorFinding.Warn(subject, $"无法获知本机时钟是否与 NTP 同步（没有 timedatectl 或 chronyc 可问）；" +
                                           $"请确认本机或宿主机已同步时间。{zone}");
    }

    /// <summary>The tamper guard watches every folder of the output: one inotify watch each.</summary>
    public static DoctorFinding CheckInotify(PortalPaths paths)
    {
        const string subject = "文件监视（inotify）";
        var watches = ReadNumber("/proc/sys/fs/inotify/max_user_watches");
        var instances = ReadNumber("/proc/sys/fs/inotify/max_user_instances");
        if (watches is null || instances is null)
            return DoctorFinding.Warn(subject, "无法读取 inotify 上限；防篡改将在每次请求时检查磁盘上的文件");
        var folders = Directory.Exists(paths.OutputDirectory)
            ? Directory.EnumerateDirectories(paths.OutputDirectory, "*",
                new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Count()
            : 0;
        var fix = "提高上限：sysctl -w fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=1024" +
                  "（写入 /etc/sysctl.d/ 以便重启后仍然有效）";
        if (watches < 2 * folders + 1024 || instances < 16)
            return DoctorFinding.Warn(subject, $"上限 {watches} 个监视、{instances} 个实例，发布目录有 {folders} 个文件夹，" +
                                               $"可能不够（网站照常服务，但防篡改改为每次请求检查磁盘）。{fix}");
        return DoctorFinding.Pass(subject, $"上限 {watches} 个监视、{instances} 个实例，发布目录有 {folders} 个文件夹");
    }

    public static DoctorFinding CheckProxies(PortalSettings settings) =>
        settings.TrustedProxies.Count == 0
            ? DoctorFinding.Pass("反向代理", "不信任任何 X-Forwarded-For 头，访问者按连接地址识别；" +
                                         "门户前有 nginx 时请用 --trusted-proxy 给出它的地址")
            : DoctorFinding.Pass("反向代理", "只信任来自 " + string.Join("、", settings.TrustedProxies) +
                                         " 的 X-Forwarded-For 和 X-Forwarded-Proto 头");

    /// <summary>What the portal needs besides .NET: nothing (fonts and browsers are for the tests).</summary>
    public static DoctorFinding RunTimeNeeds() =>
        DoctorFinding.Pass("运行依赖", "除 .NET 运行时外不需要安装其他软件：二维码以 SVG 生成，不需要字体；" +
                                   "中文字体和 chromium 只有测试（截图、无障碍检查）需要");

    private static long? ReadNumber(string file) =>
        File.Exists(file) && long.TryParse(File.ReadAllText(file).Trim(), out var value) ? value : null;

    /// <summary>A program's output, or null when it is missing or fails.</summary>
    private static async Task<string?> RunAsync(string program, string[] args, CancellationToken cancellationToken)
    {
        try
        {
            var start = new ProcessStartInfo(program, args)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return null;
        }
    }
}
