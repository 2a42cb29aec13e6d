namespace GovPortal.BackOffice.Letters;

/// <summary>The letters' office in the back office: its services and its addresses.</summary>
public static class LetterOfficeServices
{
    public static IServiceCollection AddLetterOffice(this IServiceCollection services)
    {
        services.AddSingleton<LetterOffice>();
        services.AddSingleton<LetterHandling>();
        services.AddSingleton<MailboxAdministration>();
        services.AddSingleton<OrganisationMembers>();
        services.AddSingleton<DemoLetterAccounts>();
        return services;
    }

    public static void MapLetterOffice(this RouteGroupBuilder group)
    {
        group.MapLetters();
        group.MapMailboxes();
        group.MapOrganisationMembers();
    }
}
