namespace GovPortal.Safety.Tamper;

/// <summary>
/// The guard is always on in production. It can be switched off (GOVPORTAL_TAMPER_GUARD=off) only to measure its
/// cost against the same server without it.
/// </summary>
public sealed record TamperGuardOptions(bool Enabled, TimeSpan SweepInterval)
{
    /// <summary>
    /// Whether the output folder is watched for changes (<see cref="OutputWatcher"/>);
    /// off only to test the sweep alone.
    /// </summary>
    public bool WatchOutput { get; init; } = true;

    public static TamperGuardOptions FromEnvironment() => new(
        !string.Equals(Environment.GetEnvironmentVariable("GOVPORTAL_TAMPER_GUARD"), "off",
            StringComparison.OrdinalIgnoreCase),
        TimeSpan.FromSeconds(60));
}
