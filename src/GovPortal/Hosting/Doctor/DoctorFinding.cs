namespace GovPortal.Hosting.Doctor;

public enum DoctorOutcome
{
    Passed,
    Warning,
    Failed,
}

/// <summary>One line of the doctor's report: what was checked, how it came out, what was found.</summary>
public sealed record DoctorFinding(string Subject, DoctorOutcome Outcome, string Detail)
{
    public static DoctorFinding Pass(string subject, string detail) => new(subject, DoctorOutcome.Passed, detail);

    public static DoctorFinding Warn(string subject, string detail) => new(subject, DoctorOutcome.Warning, detail);

    public static DoctorFinding Fail(string subject, string detail) => new(subject, DoctorOutcome.Failed, detail);

    public override string ToString() =>
        $"{Outcome switch { DoctorOutcome.Passed => "通过", DoctorOutcome.Warning => "警告", _ => "失败" }}  " +
        $"{Subject}：{Detail}";
}
