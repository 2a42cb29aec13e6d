using System.Security.Cryptography;
using System.Xml.Linq;
using GovPortal.Citizens.Protection;
using GovPortal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace GovPortal.Hosting;

/// <summary>
/// The keys that protect sign-in cookies, two-step sign-in state and form tokens (ASP.NET Core data protection).
/// They belong to the portal, not to the account that runs it: with SQLite they are files in
/// <c>data/keys/data-protection/</c> (folder mode 0700); with PostgreSQL they are rows of the DataProtectionKeys table,
/// so every portal on the same database accepts the cookies the others made. Either way each key is sealed with the
/// people's-data key file (<see cref="PersonalDataCipher"/>: AES-256-GCM or SM4-GCM, with the key's id), so a copy
/// of the data folder without the key file, or of the database alone, holds no usable key. The application name is
/// fixed, so an upgrade installed in another folder keeps reading the same keys.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "GovPortal";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, PortalSettings settings)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (settings.Database.Provider == DatabaseProvider.Postgres)
            builder.PersistKeysToDbContext<GovPortalDbContext>();
        else
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
                new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository =
                    new FileSystemXmlRepository(PrivateFolder(settings.Paths.DataProtectionKeysDirectory),
                        provider.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlEncryptor =
                new SealingXmlEncryptor(provider.GetRequiredService<PersonalDataCipher>())));
        return services;
    }

    // Made when the keys are first read (the first request that needs one), after the start checked the data folder.
    private static DirectoryInfo PrivateFolder(string path)
    {
        if (!Directory.Exists(path))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
            else
                Directory.CreateDirectory(path,
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new DirectoryInfo(path);
    }
}

/// <summary>Seals a data-protection key with the people's-data cipher before it is written anywhere.</summary>
public sealed class SealingXmlEncryptor(PersonalDataCipher cipher) : IXmlEncryptor
{
    /// <summary>
    /// The associated data of every sealed key: a sealed key copied into a person's row does not open.
    /// </summary>
    public const string Purpose = "data-protection-key";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var element = new XElement("sealedKey",
            new XComment(" Sealed with the people's-data key file (keys/personal-data.keys); see docs/operations.md "),
            new XElement("value", cipher.Seal(plaintextElement.ToString(SaveOptions.DisableFormatting), Purpose)));
        return new EncryptedXmlInfo(element, typeof(SealingXmlDecryptor));
    }
}

/// <summary>
/// Opens a key <see cref="SealingXmlEncryptor"/> sealed. Made by data protection from the type name in the key's XML,
/// with the portal's services.
/// </summary>
public sealed class SealingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var value = (string?)encryptedElement.Element("value")
                    ?? throw new CryptographicException("A sealed data-protection key has no value.");
        var cipher = services.GetRequiredService<PersonalDataCipher>();
        return XElement.Parse(cipher.Open(value, SealingXmlEncryptor.Purpose));
    }
}
