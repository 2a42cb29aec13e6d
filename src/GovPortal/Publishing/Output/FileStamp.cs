using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace GovPortal.Publishing.Output;

/// <summary>
/// What a file looked like when it was read and proved genuine: size, modification and change times, inode and type.
/// If any of them moves, the file must be read and checked again. The change time cannot be set back by anyone
/// writing to the file (unlike the modification time), and the inode and type change when the file is replaced by
/// another file, a link or a pipe.
/// </summary>
public readonly record struct FileStamp(long Length, long ModifiedNs, long ChangedNs, ulong Inode, int Mode)
{
    /// <summary>The path as the kernel takes it (UTF-8, zero-terminated), made once per served file.</summary>
    public static byte[] NativePath(string fullPath) => Encoding.UTF8.GetBytes(fullPath + "\0");

    public static FileStamp? Of(string fullPath) => Of(NativePath(fullPath));

    /// <summary>
    /// One statx system call and no allocation: this runs on every request for a file held in memory, so it is the
    /// whole cost of the tamper guard on a busy page. Falls back to <see cref="FileInfo"/> where statx is missing.
    /// </summary>
    public static FileStamp? Of(byte[] nativePath)
    {
        if (StatxAvailable)
        {
            Span<byte> buffer = stackalloc byte[StatxSize];
            try
            {
                if (Statx(AtCurrentDirectory, ref MemoryMarshal.GetArrayDataReference(nativePath), AtSymlinkNoFollow,
                        StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
                    return Marshal.GetLastPInvokeError() == NoSuchFile ? null : Fallback(nativePath);
                return new FileStamp(
                    Length: BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]),
                    ModifiedNs: Nanoseconds(buffer[112..]),
                    ChangedNs: Nanoseconds(buffer[96..]),
                    Inode: BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]),
                    Mode: BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]));
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                StatxAvailable = false;
            }
        }
        return Fallback(nativePath);
    }

    private static FileStamp? Fallback(byte[] nativePath)
    {
        var info = new FileInfo(Encoding.UTF8.GetString(nativePath, 0, nativePath.Length - 1));
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks, 0, 0, (int)info.Attributes) : null;
    }

    private static long Nanoseconds(ReadOnlySpan<byte> timestamp) =>
        BinaryPrimitives.ReadInt64LittleEndian(timestamp) * 1_000_000_000
        + BinaryPrimitives.ReadUInt32LittleEndian(timestamp[8..]);

    // struct statx (linux/stat.h) has the same layout on every architecture; fields are read at their offsets.
    private const int StatxSize = 256, AtCurrentDirectory = -100, AtSymlinkNoFollow = 0x100, NoSuchFile = 2;
    private const uint StatxBasicStats = 0x7ff;

    private static bool StatxAvailable = OperatingSystem.IsLinux() && BitConverter.IsLittleEndian;

    [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, ref byte path, int flags, uint mask, ref byte buffer);
}
