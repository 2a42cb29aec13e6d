using GovPortal.Safety.Health;

namespace GovPortal.Disclosure;

public static class DisclosureServices
{
    /// <summary>What commands need too: the health report's 依申请公开 indicators.</summary>
    public static IServiceCollection AddDisclosureCore(this IServiceCollection services)
    {
        services.AddSingleton<DisclosureHealth>();
        services.AddSingleton<IHealthProblemSource>(provider => provider.GetRequiredService<DisclosureHealth>());
        services.AddSingleton<IHealthProblemSource, AnnualReports.AnnualReportHealth>();
        services.AddSingleton<AnnualReports.DemoAnnualReportSeeder>();
        return services;
    }

    /// <summary>The applicant's side, served by the portal that holds the database.</summary>
    public static IServiceCollection AddDisclosureIntake(this IServiceCollection services)
    {
        services.AddSingleton<DisclosureIntake>();
        return services;
    }
}
