using GovPortal.BackOffice.Audit;
using GovPortal.Hosting;

namespace GovPortal.Tests.Audit;

/// <summary>The audit commands' options, and their mistakes told in Chinese before anything runs.</summary>
public sealed class AuditCommandLineTests
{
    [Fact]
    public void The_audit_commands_and_their_options_are_read()
    {
        var (prune, error) = CommandLine.Parse(["prune-audit", "--before", "2026-01-01", "--export", "/srv/a.jsonl",
            "--owner", "Host=db;Username=govportal_audit"]);
        Assert.Null(error);
        Assert.Equal(PortalCommand.PruneAudit, prune!.Command);
        Assert.Equal(new DateOnly(2026, 1, 1), prune.AuditBefore);
        Assert.Equal("/srv/a.jsonl", prune.ExportFile);
        Assert.Equal("Host=db;Username=govportal_audit", prune.OwnerConnectionString);

        var hash = new string('a', 64);
        var (verify, _) = CommandLine.Parse(["verify-audit", "--anchor", $"12:{hash}", "--audit-hash", "sha256"]);
        Assert.Equal(PortalCommand.VerifyAudit, verify!.Command);
        Assert.Equal(new AuditAnchorCheck(12, hash), AuditAnchorCheck.Parse(verify.AuditAnchor));
        Assert.Equal(AuditChainHash.Sha256, PortalSettings.From(verify).AuditHash);
        Assert.Equal(AuditChainHash.Sm3, PortalSettings.From(CommandLine.Parse([]).Parsed!).AuditHash);
        var (secure, _) = CommandLine.Parse(["secure-audit", "--owner", "Host=x"]);
        Assert.Equal(PortalCommand.SecureAudit, secure!.Command);
    }

    [Theory]
    [InlineData("secure-audit", "secure-audit 需要 --owner")]
    [InlineData("prune-audit --before 2026-01-01", "prune-audit 需要 --before 日期 和 --export 文件")]
    [InlineData("prune-audit --export a.jsonl", "prune-audit 需要 --before 日期 和 --export 文件")]
    [InlineData("prune-audit --before 2026/01/01 --export a", "--before 的日期格式不对")]
    [InlineData("verify-audit --anchor 12:abc", "--anchor 应为 序号:哈希")]
    [InlineData("verify-audit --audit-hash md5", "--audit-hash 只能是 SM3 或 SHA-256")]
    public void Mistakes_are_told_in_chinese(string arguments, string message)
    {
        var (parsed, error) = CommandLine.Parse(arguments.Split(' '));
        Assert.Null(parsed);
        Assert.Contains(message, error);
    }
}
