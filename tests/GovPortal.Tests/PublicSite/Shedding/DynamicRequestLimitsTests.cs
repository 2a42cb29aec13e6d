using GovPortal.Hosting;
using GovPortal.PublicSite.Shedding;

namespace GovPortal.Tests.PublicSite.Shedding;

public sealed class DynamicRequestLimitsTests
{
    [Fact]
    public void Defaults_follow_the_cores_of_the_machine()
    {
        Assert.Equal(new DynamicRequestLimits(8, 16, TimeSpan.FromSeconds(2)), DynamicRequestLimits.ForMachine(2));
        Assert.Equal(new DynamicRequestLimits(4, 8, TimeSpan.FromSeconds(2)), DynamicRequestLimits.ForMachine(0));
        Assert.Equal(DynamicRequestLimits.ForMachine(Environment.ProcessorCount),
            DynamicRequestLimits.From(null, null));
        var limits = DynamicRequestLimits.ForMachine(16);
        Assert.Equal((64, 128), (limits.Concurrent, limits.Queue));
        Assert.Equal(TimeSpan.FromMilliseconds(100), limits.MaxSchedulingDelay);
    }

    [Fact]
    public void The_command_line_sets_the_limits_and_refuses_what_is_not_a_number_in_range()
    {
        var (parsed, error) = CommandLine.Parse(["--dynamic-limit", "3", "--dynamic-queue=0"]);
        Assert.Null(error);
        var limits = PortalSettings.From(parsed!).DynamicLimits;
        Assert.Equal((3, 0), (limits.Concurrent, limits.Queue));
        var machine = DynamicRequestLimits.ForMachine(Environment.ProcessorCount);
        Assert.Equal(machine, PortalSettings.From(CommandLine.Parse([]).Parsed!).DynamicLimits);
        Assert.Equal(machine with { Queue = 5 },
            PortalSettings.From(CommandLine.Parse(["--dynamic-queue", "5"]).Parsed!).DynamicLimits);

        Assert.Equal("--dynamic-limit 需要 1 到 10000 之间的整数，而不是“0”。", CommandLine.Parse(["--dynamic-limit", "0"]).Error);
        Assert.Contains("而不是“许多”", CommandLine.Parse(["--dynamic-queue", "许多"]).Error);
        Assert.Contains("--dynamic-limit", CommandLine.Usage);
    }
}
