using System.Threading.Channels;
using GovPortal.Publishing.Output;

namespace GovPortal.Safety.Tamper;

/// <summary>
/// Watches the public folder for changes (inotify, through <see cref="FileSystemWatcher"/>). Every change moves
/// <see cref="Generation"/> on, and the guard checks the changed file at once: a tampered page is put back and
/// reported without waiting for a request or the sweep. A page held in memory is sent without looking at the disk
/// while the generation has not moved since it was proved; what is sent is always the proved bytes either way.
/// Where the watcher cannot run (or lost events), every request looks at the disk, as before it existed.
/// </summary>
public sealed class OutputWatcher(OutputStore output, TamperGuard guard, TamperGuardOptions options,
    ILogger<OutputWatcher> logger) : IHostedService, IDisposable
{
    private readonly Channel<string> _changed =
        Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private FileSystemWatcher? _watcher;
    private Task? _checker;
    private long _generation;
    private volatile bool _watching;
    // Once per process: every site of the platform has a watcher, and the limit is the same for all of them.
    private static int _unwatchableTold;
    private ulong _watchedFolder;

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Whether changes are reported; if not, the generation says nothing and the disk must be looked at.
    /// </summary>
    public bool Watching => _watching;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled || !options.WatchOutput) return Task.CompletedTask;
        _checker = Task.Run(CheckChangedFilesAsync, CancellationToken.None);
        Watch();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Called by every sweep: if the public folder itself was replaced (moved away and made again), the watcher is
    /// watching the old one; it starts again on the folder that is there now.
    /// </summary>
    public void EnsureWatching()
    {
        if (!options.Enabled || !_watching) return;
        if (PublicFolderId() == _watchedFolder) return;
        logger.LogWarning("The public folder was replaced; watching the new one");
        Interlocked.Increment(ref _generation);
        Watch();
    }

    private ulong PublicFolderId() => FileStamp.Of(output.PublicDirectory)?.Inode ?? 0;

    private void Watch()
    {
        _watching = false;
        _watcher?.Dispose();
        try
        {
            Directory.CreateDirectory(output.PublicDirectory);
            _watchedFolder = PublicFolderId();
            var watcher = new FileSystemWatcher(output.PublicDirectory)
            {
                IncludeSubdirectories = true,
                InternalBufferSize = 256 * 1024,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size
                               | NotifyFilters.LastWrite | NotifyFilters.Attributes | NotifyFilters.CreationTime
                               | NotifyFilters.Security,
            };
            watcher.Changed += (_, e) => Changed(e.FullPath);
            watcher.Created += (_, e) => Changed(e.FullPath);
            watcher.Deleted += (_, e) => Changed(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Changed(e.OldFullPath);
                Changed(e.FullPath);
            };
            watcher.Error += (_, e) =>
            {
                // Events were lost: nothing held in memory is trusted without a look at the disk
                // until it is proved again.
                Interlocked.Increment(ref _generation);
                logger.LogWarning(e.GetException(),
                    "The output watcher lost events; files held in memory are checked against the disk again");
            };
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            _watching = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException
                                       or ArgumentException)
        {
            // Said once: the folder is watched again after every full publish, every site has its watcher, and the
            // limit stays until raised.
            if (Interlocked.Exchange(ref _unwatchableTold, 1) == 1) return;
            logger.LogWarning(e, "无法监视发布目录的变化（多半是 inotify 数量达到上限），防篡改改为在每次请求时检查磁盘上的"
                + "文件，网站照常提供服务。提高上限：sysctl -w fs.inotify.max_user_watches=524288 "
                + "fs.inotify.max_user_instances=1024（写入 /etc/sysctl.d/ 以便重启后仍然有效）");
        }
    }

    private void Changed(string fullPath)
    {
        Interlocked.Increment(ref _generation);
        _changed.Writer.TryWrite(fullPath);
    }

    private async Task CheckChangedFilesAsync()
    {
        try
        {
            await foreach (var fullPath in _changed.Reader.ReadAllAsync(_stop.Token))
            {
                try
                {
                    var relative = Path.GetRelativePath(output.PublicDirectory, fullPath).Replace('\\', '/');
                    if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) continue;
                    guard.CheckChanged(relative);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
                {
                    logger.LogError(e, "Checking {Path} after a change failed; the sweep will look at it", fullPath);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _watching = false;
        _watcher?.Dispose();
        _watcher = null;
        await _stop.CancelAsync();
        if (_checker is not null)
            await _checker.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _stop.Dispose();
    }
}
