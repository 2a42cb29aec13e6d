using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Platform;
using GovPortal.BackOffice.Workflow;
using GovPortal.Data;
using GovPortal.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovPortal.BackOffice;

public static class BackOfficeServices
{
    public const string EditorialPolicy = "Editorial";
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public const int FailedAttemptsBeforeLockout = 5;

    /// <summary>Accounts, sign-in, the editorial workflow and its audit log.</summary>
    public static IServiceCollection AddBackOffice(this IServiceCollection services, PortalSettings settings)
    {
        var options = settings.BackOffice;
        services.AddSingleton(options);
        // Identity's stores take the context from the container; it is the same database the rest of the portal uses.
        services.AddScoped<GovPortalDbContext>(_ => settings.Database.CreateContext());
        services.AddIdentityCore<StaffUser>(identity =>
            {
                identity.Password.RequiredLength = ThreeCharacterClassesRule.MinimumLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.MaxFailedAccessAttempts = FailedAttemptsBeforeLockout;
                identity.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.AllowedUserNameCharacters =
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GovPortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<ThreeCharacterClassesRule>()
            .AddPasswordValidator<PasswordHistoryRule>()
            .AddUserManager<StaffUserManager>()
            .AddClaimsPrincipalFactory<StaffClaims>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            Harden(cookie.Cookie, "gp_auth", options.Path);
            // The server decides when a session ends (Sessions.SignInSessions: idle time-out, lifetime, revocation)
            // and says why on the sign-in page; the ticket's own expiry, an hour later, is only a backstop.
            cookie.ExpireTimeSpan = options.SessionLifetime + TimeSpan.FromHours(1);
            cookie.SlidingExpiration = false;
            Sessions.SessionCookie.Attach(cookie);
            cookie.LoginPath = options.Path + "/login";
            cookie.AccessDeniedPath = options.Path + "/denied";
            cookie.Events.OnRedirectToAccessDenied = async context =>
            {
                var pages = context.HttpContext.RequestServices.GetRequiredService<BackOfficePages>();
                var result = await pages.MessageAsync(context.HttpContext, "没有权限",
                    "您的账号没有执行这项操作的权限。工作台列出了您的账号可以做的事；角色由安全管理员分配，如需开通，请联系安全管理员。",
                    StatusCodes.Status403Forbidden);
                await result.ExecuteAsync(context.HttpContext);
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            cookie => Harden(cookie.Cookie, "gp_2fa", options.Path));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme,
            cookie => Harden(cookie.Cookie, "gp_2fa_remember", options.Path));
        services.AddSingleton<Sessions.SignInSessions>();

        // What the platform keeps once for every site (its sites, the working-day calendar, the word lists, the
        // password policy) is kept by accounts of its first site only.
        var firstSite = settings.SiteCode;
        bool OnFirstSite(AuthorizationHandlerContext c) => StaffClaims.SiteOf(c.User)?.Code == firstSite;
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformPolicies.Platform,
                p => p.RequireRole(StaffRoles.PlatformAdministrator).RequireAssertion(OnFirstSite))
            .AddPolicy(PlatformPolicies.SharedLists,
                p => p.RequireRole(StaffRoles.Administrator).RequireAssertion(OnFirstSite))
            .AddPolicy(PlatformPolicies.SecurityPolicy,
                p => p.RequireRole(StaffRoles.SecurityAdministrator).RequireAssertion(OnFirstSite))
            .AddPolicy(PlatformPolicies.SiteCalendar, p => p.RequireRole(StaffRoles.Administrator)
                .RequireAssertion(c => StaffClaims.SiteOf(c.User) is { } site && site.Code != firstSite))
            .AddPolicy(StaffRoles.Administrator, p => p.RequireRole(StaffRoles.Administrator))
            .AddPolicy(StaffRoles.SecurityAdministrator, p => p.RequireRole(StaffRoles.SecurityAdministrator))
            .AddPolicy(StaffRoles.AuditAdministrator, p => p.RequireRole(StaffRoles.AuditAdministrator))
            .AddPolicy(AccountEndpoints.ViewPolicy,
                p => p.RequireRole(StaffRoles.Administrator, StaffRoles.SecurityAdministrator))
            .AddPolicy(StaffRoles.Editor, p => p.RequireRole(StaffRoles.Editor))
            .AddPolicy(StaffRoles.Reviewer, p => p.RequireRole(StaffRoles.Reviewer))
            .AddPolicy(StaffRoles.Publisher, p => p.RequireRole(StaffRoles.Publisher))
            .AddPolicy(StaffRoles.Disclosure, p => p.RequireRole(StaffRoles.Disclosure))
            .AddPolicy(StaffRoles.Mailbox, p => p.RequireRole(StaffRoles.Mailbox))
            .AddPolicy(DisclosureRequests.DisclosureRequestEndpoints.ViewPolicy,
                p => p.RequireRole(StaffRoles.Disclosure, StaffRoles.Administrator))
            .AddPolicy(AnnualReports.AnnualReportEndpoints.Policy,
                p => p.RequireRole(StaffRoles.Disclosure, StaffRoles.Administrator))
            .AddPolicy(Consultations.ConsultationEndpoints.Policy, p => p.RequireRole(StaffRoles.Mailbox))
            .AddPolicy(Articles.ArticleTrashEndpoints.Policy,
                p => p.RequireRole(StaffRoles.Editor, StaffRoles.Publisher))
            .AddPolicy(EditorialPolicy,
                p => p.RequireRole(StaffRoles.Editor, StaffRoles.Reviewer, StaffRoles.Publisher));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.FormFieldName = "__csrf";
            Harden(antiforgery.Cookie, "gp_csrf", options.Path);
        });

        services.AddSingleton(new AuditChainOptions(settings.AuditHash));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddSingleton<AuditChainMonitor>();
        services.AddSingleton<ContentSafety.SafetyLists>();
        services.AddSingleton<BackOfficePages>();
        services.AddSingleton<SignIn.SignInThrottle>();
        services.AddSingleton<ArticleWorkflow>();
        services.AddSingleton<Submissions.SubmissionDesk>();
        services.AddSingleton<Submissions.SubmissionQueries>();
        services.AddSingleton<IContentPreparation, Disclosure.DocumentPreparation>();
        services.AddSingleton<IContentPreparation, Disclosure.InterpretationPreparation>();
        services.AddSingleton<Disclosure.DisclosureChoices>();
        services.AddSingleton<Disclosure.DisclosureAdministration>();
        services.AddSingleton<Channels.ChannelAdministration>();
        // Scoped: it works through Identity's UserManager, which lives as long as a request.
        services.AddScoped<AccountAdministration>();
        services.AddScoped<PlatformAdministration>();
        services.AddSingleton<Settings.SiteSettingsAdministration>();
        services.AddSingleton<Settings.SiteStatementAdministration>();
        services.AddSingleton<HomeLayouts.HomeLayoutAdministration>();
        services.AddSingleton<FirstAdministrator>();
        services.AddSingleton<SecurityPolicyStore>();
        services.AddSingleton<SecurityPolicyAdministration>();
        services.AddSingleton<TwoFactorRequirement>();
        services.TryAddSingleton(new FirstAdministratorOutput(Console.Out));
        services.AddHostedService<ScheduledPublishing>();
        services.AddHostedService<TamperAuditBridge>();
        services.AddSingleton<Health.HealthRecorder>();
        services.AddHostedService<Health.DailyHealthCheck>();
        services.AddSingleton<DisclosureRequests.DisclosureHandling>();
        services.AddSingleton<AnnualReports.AnnualReportAdministration>();
        Letters.LetterOfficeServices.AddLetterOffice(services);
        services.AddSingleton<LetterPublishing.LetterPublication>();
        services.AddSingleton<LetterPublishing.InteractionRefresh>();
        services.AddSingleton<Consultations.ConsultationAdministration>();
        services.AddSingleton<Consultations.ConsultationClosing>();
        services.AddHostedService(provider => provider.GetRequiredService<Consultations.ConsultationClosing>());
        return services;
    }

    // HttpOnly, same-site only, Secure whenever the request came over HTTPS, and sent to the back office alone.
    private static void Harden(CookieBuilder cookie, string name, string path)
    {
        cookie.Name = name;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Path = path;
        cookie.IsEssential = true;
    }
}
