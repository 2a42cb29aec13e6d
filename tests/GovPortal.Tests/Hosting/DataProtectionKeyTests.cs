using System.Net;
using System.Xml.Linq;
using GovPortal.BackOffice.Accounts;
using GovPortal.Citizens.Protection;
using GovPortal.Data;
using GovPortal.Hosting;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovPortal.Tests.Hosting;

/// <summary>
/// The keys behind sign-in cookies and form tokens live in the data folder, sealed with the people's-data key, under
/// a fixed application name: a restart keeps everyone signed in, and a copy of the folder without the key file holds
/// no usable key.
/// </summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task Keys_are_sealed_in_the_data_folder_and_a_sign_in_survives_a_restart()
    {
        using var folder = new TempDirectory();
        Cookie cookie;
        await using (var portal = await RunningPortal.StartAsync(dataDirectory: folder.Path))
        {
            Assert.Equal(DataProtectionSetup.ApplicationName,
                portal.Service<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
            await TestAccounts.CreateAsync(portal, "zhangwei", [StaffRoles.Editor], "xcyw");
            using var staff = await StaffClient.SignInAsync(portal, "zhangwei");
            cookie = AuthCookie(staff);
            Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(portal, cookie));
        }

        var directory = Path.Combine(folder.Path, "keys", "data-protection");
        var files = Directory.GetFiles(directory, "*.xml");
        Assert.NotEmpty(files);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(directory));
        var keys = PersonalDataKeys.Open(Path.Combine(folder.Path, "keys", "personal-data.keys"));
        foreach (var file in files)
        {
            var key = XDocument.Load(file).Root!;
            // No key material in clear: the descriptor holds a sealed value made with the people's-data key.
            Assert.Empty(Named(key, "masterKey"));
            var secret = Assert.Single(Named(key, "encryptedSecret"));
            Assert.Contains(nameof(SealingXmlDecryptor), (string?)secret.Attribute("decryptorType"));
            var sealedValue = (string)Named(secret, "value").Single();
            Assert.StartsWith(keys.CurrentId + ":", sealedValue);
            // …and it is the key: opened with the key file, it is the descriptor data protection wrote.
            var opened = XElement.Parse(new PersonalDataCipher(keys).Open(sealedValue, SealingXmlEncryptor.Purpose));
            Assert.NotEmpty(Named(opened, "masterKey"));
        }

        await using var restarted = await RunningPortal.StartAsync(dataDirectory: folder.Path);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(restarted, cookie));
        Assert.Equal(files.Order(), Directory.GetFiles(directory, "*.xml").Order());
    }

    [Fact]
    public async Task Without_the_people_s_data_key_file_the_saved_keys_do_not_open()
    {
        using var folder = new TempDirectory();
        await using (var portal = await RunningPortal.StartAsync(dataDirectory: folder.Path))
        {
            await TestAccounts.CreateAsync(portal, "zhangwei", [StaffRoles.Editor], "xcyw");
            using var staff = await StaffClient.SignInAsync(portal, "zhangwei");
        }
        // Someone with the folder's key ring but another key file (a stolen copy, a wrong restore) gains nothing.
        var keyFile = Path.Combine(folder.Path, "keys", "personal-data.keys");
        using var other = new TempDirectory();
        var stranger = new PersonalDataCipher(PersonalDataKeys.Create(Path.Combine(other.Path, "k")));
        foreach (var file in Directory.GetFiles(Path.Combine(folder.Path, "keys", "data-protection"), "*.xml"))
        {
            var sealedValue = (string)Named(XDocument.Load(file).Root!, "value").Single();
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
                () => stranger.Open(sealedValue, SealingXmlEncryptor.Purpose));
        }
        Assert.True(File.Exists(keyFile));
    }

    // Data protection writes its elements in its own XML namespace, and the sealed key's in none.
    internal static IEnumerable<XElement> Named(XElement root, string localName) =>
        root.DescendantsAndSelf().Where(e => e.Name.LocalName == localName);

    internal static Cookie AuthCookie(StaffClient staff) =>
        staff.Cookies.GetCookies(new Uri(staff.Http.BaseAddress!, staff.BasePath + "/"))
            .Single(c => c.Name == "gp_auth");

    /// <summary>
    /// The back office's start page asked with only <paramref name="cookie"/>: 200 when it is accepted.
    /// </summary>
    internal static async Task<HttpStatusCode> StatusWithAsync(RunningPortal portal, Cookie cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = portal.Address,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, StaffClient.Base + "/");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

/// <summary>
/// On PostgreSQL the key ring is a table of the shared database: a cookie one portal made is accepted by another
/// portal on the same database (behind a load balancer, or after a move to another machine).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresDataProtectionKeyTests(PostgresServer postgres)
{
    [Fact]
    public async Task Two_portals_on_one_database_accept_each_other_s_sign_in()
    {
        var database = DatabaseOptions.Postgres(await postgres.CreateDatabaseAsync());
        await using var first = await RunningPortal.StartAsync(database);
        // Every portal on the database shares the people's-data key file (its people's data needs it anyway).
        using var secondFolder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(secondFolder.Path, "keys"));
        File.Copy(first.Settings.Paths.PersonalDataKeyFile,
            Path.Combine(secondFolder.Path, "keys", "personal-data.keys"));
        await using var second = await RunningPortal.StartAsync(database, dataDirectory: secondFolder.Path);

        await TestAccounts.CreateAsync(first, "zhangwei", [StaffRoles.Editor], "xcyw");
        using (var staff = await StaffClient.SignInAsync(first, "zhangwei"))
            Assert.Equal(HttpStatusCode.OK,
                await DataProtectionKeyTests.StatusWithAsync(second, DataProtectionKeyTests.AuthCookie(staff)));
        await TestAccounts.CreateAsync(first, "lina", [StaffRoles.Reviewer], "xcyw");
        using (var staff = await StaffClient.SignInAsync(second, "lina"))
            Assert.Equal(HttpStatusCode.OK,
                await DataProtectionKeyTests.StatusWithAsync(first, DataProtectionKeyTests.AuthCookie(staff)));

        // The ring is in the database, sealed; neither data folder holds one.
        Assert.False(Directory.Exists(Path.Combine(first.DataDirectory, "keys", "data-protection")));
        Assert.False(Directory.Exists(Path.Combine(second.DataDirectory, "keys", "data-protection")));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Xml\" FROM \"DataProtectionKeys\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            var key = XElement.Parse(reader.GetString(0));
            Assert.Empty(DataProtectionKeyTests.Named(key, "masterKey"));
            Assert.Single(DataProtectionKeyTests.Named(key, "encryptedSecret"));
        }
        Assert.Equal(1, rows);
        // A cookie made with another ring is refused (the check above is not a portal that accepts anything).
        var forged = new Cookie("gp_auth", "CfDJ8" + new string('A', 200));
        Assert.NotEqual(HttpStatusCode.OK, await DataProtectionKeyTests.StatusWithAsync(second, forged));
    }
}
