using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data;

/// <summary>
/// The data-protection key ring (sign-in cookies, form tokens) when the portal runs on PostgreSQL: every portal on the
/// database reads the same keys. Each row's XML is sealed with the people's-data key file (see
/// Hosting/DataProtectionSetup). On SQLite the keys are files in the data folder and this table stays empty.
/// </summary>
public abstract partial class GovPortalDbContext : IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
