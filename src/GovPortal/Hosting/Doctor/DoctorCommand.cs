namespace GovPortal.Hosting.Doctor;

/// <summary>
/// `doctor`: checks a machine before the site goes live and after every upgrade, without changing anything. One
/// line per check (通过 / 警告 / 失败); the exit code is 1 when any check failed.
/// </summary>
public static class DoctorCommand
{
    public static async Task<int> RunAsync(PortalSettings settings, TextWriter output,
        CancellationToken cancellationToken = default)
    {
        var findings = new List<DoctorFinding>();
        findings.AddRange(await DatabaseDoctor.CheckAsync(settings, cancellationToken));
        findings.AddRange(DataFolderDoctor.Check(settings.Paths));
        findings.Add(await MachineDoctor.CheckClockAsync(cancellationToken));
        findings.Add(MachineDoctor.CheckInotify(settings.Paths));
        findings.Add(MachineDoctor.CheckProxies(settings));
        findings.Add(MachineDoctor.RunTimeNeeds());
        foreach (var finding in findings) await output.WriteLineAsync(finding.ToString());

        var failed = findings.Count(f => f.Outcome == DoctorOutcome.Failed);
        var warned = findings.Count(f => f.Outcome == DoctorOutcome.Warning);
        await output.WriteLineAsync(failed == 0
            ? $"检查完毕：{findings.Count} 项，{warned} 项警告，可以上线。"
            : $"检查完毕：{findings.Count} 项，{failed} 项失败，{warned} 项警告。请先解决失败的项目。");
        return failed == 0 ? 0 : 1;
    }
}
