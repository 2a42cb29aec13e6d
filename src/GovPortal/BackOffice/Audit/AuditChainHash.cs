using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace GovPortal.BackOffice.Audit;

/// <summary>
/// The hash of an audit entry: SM3 (GB/T 32905, what 密评 expects) or SHA-256, over a canonical encoding of every
/// field and the previous entry's hash. The encoding prefixes each field with its length in UTF-8 bytes, so no
/// choice of text can make two different entries encode alike.
/// </summary>
public static class AuditChainHash
{
    public const string Sm3 = "SM3";
    public const string Sha256 = "SHA-256";

    /// <summary>The previous hash of the first entry of a chain that was never pruned.</summary>
    public static readonly string Start = new('0', 64);

    private static readonly byte[] Version = Encoding.ASCII.GetBytes("GovPortal audit entry v1");

    /// <returns>The algorithm's canonical name, or null for a name the portal does not know.</returns>
    public static string? Normalize(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "SM3" => Sm3,
        "SHA-256" or "SHA256" => Sha256,
        _ => null,
    };

    public static bool IsKnown(string? algorithm) => algorithm is Sm3 or Sha256;

    /// <summary>Times are kept to the microsecond: what PostgreSQL stores, so a hash survives the round trip.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    /// <summary>The hash of <paramref name="entry"/> with the algorithm it names (lower-case hexadecimal).</summary>
    public static string Compute(AuditEntry entry) =>
        Convert.ToHexStringLower(Digest(entry.Algorithm ?? "", Encode(entry)));

    public static byte[] Digest(string algorithm, byte[] data) => algorithm switch
    {
        Sm3 => Sm3Of(data),
        Sha256 => SHA256.HashData(data),
        _ => throw new ArgumentException($"Unknown audit hash algorithm {algorithm}", nameof(algorithm)),
    };

    /// <summary>The canonical encoding: a version tag, then each field as a 4-byte length and its UTF-8.</summary>
    public static byte[] Encode(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Version);
        Span<byte> length = stackalloc byte[4];
        foreach (var field in new[]
                 {
                     entry.Algorithm ?? "",
                     (entry.Sequence ?? 0).ToString(CultureInfo.InvariantCulture),
                     Truncate(entry.AtUtc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                     entry.Actor, entry.IpAddress, entry.Action, entry.Target, entry.Details,
                     entry.PreviousHash ?? "",
                 })
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }
        return buffer.ToArray();
    }

    private static byte[] Sm3Of(byte[] data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return hash;
    }
}
