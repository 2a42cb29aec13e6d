using GovPortal.Storage;

namespace GovPortal.Hosting;

/// <summary>
/// Marks a data folder as served by a running portal. Only that process may write the output: a second writer
/// (the publish command run beside it) would rename files the running tamper guard does not expect, and the guard
/// would put the old versions back.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream) => _stream = stream;

    public static string LockFile(PortalPaths paths) => Path.Combine(paths.DataDirectory, "serve.lock");

    /// <returns>The lock, or null if another process holds it.</returns>
    public static DataDirectoryLock? TryAcquire(PortalPaths paths)
    {
        Directory.CreateDirectory(paths.DataDirectory);
        try
        {
            var stream = new FileStream(LockFile(paths), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true)) writer.Write(Environment.ProcessId);
            stream.Flush();
            return new DataDirectoryLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
