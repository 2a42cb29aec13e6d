using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Citizens.Protection;

/// <summary>
/// Makes sure the people's-data key file is there before the portal takes citizens' forms. A new install gets a
/// first key. A missing file where the database already holds sealed data (a restore without the key file, a new
/// data folder pointed at an existing PostgreSQL database, an unset GOVPORTAL_KEY_FILE) stops the start instead of
/// making a new key: a new key would leave every sealed row unreadable while new rows went on being sealed.
/// </summary>
public static class PersonalDataKeyStartup
{
    public static async Task EnsureAsync(PersonalDataKeyOptions options, DatabaseOptions database,
        CancellationToken cancellationToken)
    {
        if (File.Exists(options.KeyFile))
        {
            // A damaged file stops the start here, not at the first application.
            PersonalDataKeys.Open(options.KeyFile);
            return;
        }
        if (await HoldsSealedDataAsync(database, cancellationToken))
            throw new Hosting.StartupFailureException(PersonalDataKeys.Missing(options.KeyFile));
        PersonalDataKeys.Create(options.KeyFile);
    }

    private static async Task<bool> HoldsSealedDataAsync(DatabaseOptions database,
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.DisclosureApplications.AnyAsync(cancellationToken)
               || await db.Letters.AnyAsync(cancellationToken)
               || await db.ConsultationComments.AnyAsync(cancellationToken);
    }
}
