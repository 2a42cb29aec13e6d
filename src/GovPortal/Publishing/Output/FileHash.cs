using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace GovPortal.Publishing.Output;

/// <summary>
/// A file's SHA-256, held as its 32 bytes. The manifest keeps one for every published file, three a page, and at a
/// million pages the 64-character hex string it replaces (152 bytes on the heap) was the largest thing in memory. The
/// hex form is made only where text is wanted: the manifest's database, journals, the object store's keys, logs.
/// </summary>
public readonly struct FileHash : IEquatable<FileHash>
{
    public const int HexLength = 64;
    private const int Bytes = 32;

    private readonly ulong _a, _b, _c, _d;

    private FileHash(ReadOnlySpan<byte> digest)
    {
        _a = MemoryMarshal.Read<ulong>(digest);
        _b = MemoryMarshal.Read<ulong>(digest[8..]);
        _c = MemoryMarshal.Read<ulong>(digest[16..]);
        _d = MemoryMarshal.Read<ulong>(digest[24..]);
    }

    public static FileHash Of(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[Bytes];
        SHA256.HashData(content, digest);
        return new FileHash(digest);
    }

    public static FileHash Of(Stream content)
    {
        Span<byte> digest = stackalloc byte[Bytes];
        SHA256.HashData(content, digest);
        return new FileHash(digest);
    }

    /// <summary>A hash as the manifest's database and the replication tables write it: 64 hex digits.</summary>
    /// <exception cref="FormatException">The text is not a SHA-256 in hex.</exception>
    public static FileHash Parse(string hex) =>
        TryParse(hex, out var hash) ? hash : throw new FormatException($"不是 SHA-256 校验值：{hex}");

    public static bool TryParse(string? hex, out FileHash hash)
    {
        hash = default;
        if (hex is null || hex.Length != HexLength) return false;
        Span<byte> digest = stackalloc byte[Bytes];
        if (Convert.FromHexString(hex, digest, out _, out var written) != OperationStatus.Done || written != Bytes)
            return false;
        hash = new FileHash(digest);
        return true;
    }

    /// <summary>The lower-case hex form, as <c>sha256sum</c> prints it. A new string each call.</summary>
    public override string ToString()
    {
        Span<byte> digest = stackalloc byte[Bytes];
        MemoryMarshal.Write(digest, in _a);
        MemoryMarshal.Write(digest[8..], in _b);
        MemoryMarshal.Write(digest[16..], in _c);
        MemoryMarshal.Write(digest[24..], in _d);
        return Convert.ToHexStringLower(digest);
    }

    public bool Equals(FileHash other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is FileHash other && Equals(other);

    // The bytes of a SHA-256 are already uniformly spread: any eight of them make a good hash code.
    public override int GetHashCode() => (int)_a ^ (int)(_a >> 32);

    public static bool operator ==(FileHash left, FileHash right) => left.Equals(right);
    public static bool operator !=(FileHash left, FileHash right) => !left.Equals(right);
}
