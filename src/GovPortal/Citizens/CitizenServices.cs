using GovPortal.Citizens.Calendar;
using GovPortal.Citizens.Forms;
using GovPortal.Citizens.Pages;
using GovPortal.Citizens.Protection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovPortal.Citizens;

/// <summary>
/// The pieces every citizens' service shares (依申请公开, 互动交流 …): the working-day calendar, the people's-data
/// key and cipher, the public-form guard and the page renderer. Registered once by the host.
/// </summary>
public static class CitizenServices
{
    /// <summary>What commands need too (the health check counts deadlines): calendar, keys, cipher.</summary>
    public static IServiceCollection AddCitizenCore(this IServiceCollection services, Storage.PortalPaths paths)
    {
        services.TryAddSingleton(PersonalDataKeyOptions.For(paths));
        services.AddSingleton(provider =>
            PersonalDataKeys.Open(provider.GetRequiredService<PersonalDataKeyOptions>().KeyFile));
        services.AddSingleton(provider => new PersonalDataCipher(() => provider.GetRequiredService<PersonalDataKeys>(),
            provider.GetRequiredService<PersonalDataKeyOptions>().Algorithm));
        services.AddSingleton<WorkingCalendarStore>();
        return services;
    }

    /// <summary>What the public forms need: the guard (antiforgery, limits, honeypot) and the page renderer.</summary>
    public static IServiceCollection AddCitizenForms(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.TryAddSingleton(new PublicFormLimits());
        services.AddSingleton<PublicFormGuard>();
        services.AddSingleton<CitizenPages>();
        services.AddSingleton<Screening.CitizenTextScreening>();
        return services;
    }
}
