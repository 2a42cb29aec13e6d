using GovPortal.Interaction.Letters;

namespace GovPortal.Interaction;

/// <summary>互动交流's services: letters, mailboxes and consultations.</summary>
public static class InteractionServices
{
    /// <summary>What commands need too (the health check watches reply deadlines): the letters' seal, their sealed
    /// files, and the default mailboxes every site starts with.</summary>
    public static IServiceCollection AddInteractionCore(this IServiceCollection services)
    {
        services.AddSingleton<LetterSeal>();
        services.AddSingleton(provider => new LetterFiles(provider.GetRequiredService<Storage.PortalPaths>(),
            () => provider.GetRequiredService<Citizens.Protection.PersonalDataKeys>(),
            provider.GetRequiredService<Citizens.Protection.PersonalDataCipher>().Algorithm,
            provider.GetService<Storage.ISharedFiles>()));
        services.AddSingleton<DefaultMailboxes>();
        services.AddSingleton<LetterHealth>();
        services.AddSingleton<Safety.Health.IHealthProblemSource>(provider =>
            provider.GetRequiredService<LetterHealth>());
        services.AddSingleton<DemoLetterSeeder>();
        services.AddSingleton<Consultations.CommentSeal>();
        services.AddSingleton<Safety.Health.IHealthProblemSource, Consultations.ConsultationHealth>();
        return services;
    }

    /// <summary>The citizen's side, served by the portal that holds the database.</summary>
    public static IServiceCollection AddInteractionIntake(this IServiceCollection services)
    {
        services.AddSingleton<LetterIntake>();
        services.AddSingleton<Consultations.CommentIntake>();
        return services;
    }
}
