namespace GovPortal.Hosting;

/// <summary>A start-up check found an operator's mistake; the command prints it and exits with its code.</summary>
public sealed class StartupFailureException(StartupFailure failure) : Exception(failure.Message)
{
    public StartupFailure Failure { get; } = failure;
}
