using GovPortal.Tests.Support;

namespace GovPortal.Tests.Data;

/// <summary>
/// The tests that need a real PostgreSQL server share one (xUnit finds collection definitions only in the test
/// assembly itself, so this stays here while the server fixture lives in the shared support library).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
