using GovPortal.Data;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Cluster;

/// <summary>
/// One origin and two public nodes on loopback, joined only by PostgreSQL streaming replication and Redis: the origin
/// (back office and publisher, in this process) writes to the primary; each node is the portal's executable started
/// with <c>--public-node --database</c> the hot standby, as the read-only role, and <c>--redis</c>, on a data folder
/// of its own.
/// </summary>
public sealed class OriginAndNodes : IAsyncLifetime
{
    private readonly TempDirectory _folders = new();
    private readonly SemaphoreSlim _secondOriginLock = new(1, 1);
    private RunningPortal? _secondOrigin;

    public PostgresCluster Database { get; } = new();
    public RedisServer Redis { get; } = new();
    public RunningPortal Origin { get; private set; } = null!;
    public Newsroom Room { get; private set; } = null!;
    public PortalProcess[] Nodes { get; private set; } = [];

    /// <summary>nginx in front of the two nodes, through the sample configuration.</summary>
    public NginxServer Front { get; private set; } = null!;

    public string NodeDataDirectory(int node) => Path.Combine(_folders.Path, $"node{node}");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Redis.InitializeAsync();
        Origin = await RunningPortal.StartAsync(DatabaseOptions.Postgres(Database.PrimaryConnectionString),
            adjustSettings: settings => settings with { Redis = Redis.Configuration });
        Room = await Newsroom.StartAsync(Origin);
        await Database.WaitForReplayAsync(TimeSpan.FromSeconds(30));
        Nodes = await Task.WhenAll(StartNodeAsync(0), StartNodeAsync(1));
        Front = await NginxServer.StartAsync(Nodes.Select(node => node.Address!), Origin.Address);
    }

    /// <summary>
    /// Starts node <paramref name="node"/> on its data folder and address (kept from an earlier start, if any).
    /// </summary>
    public Task<PortalProcess> StartNodeAsync(int node, Uri? address = null) =>
        PortalProcess.ServeAsync(NodeDataDirectory(node),
            ["--public-node", "--database", Database.ReplicaConnectionString, "--redis", Redis.Configuration,
                // Tests give each reader its own address, as nginx does in front of the nodes.
                "--trusted-proxy", "127.0.0.1"], address: address);

    public async Task RestartNodeAsync(int node)
    {
        var address = Nodes[node].Address;
        Nodes[node].Dispose();
        Nodes[node] = await StartNodeAsync(node, address);
    }

    /// <summary>
    /// A second origin beside the first, on the same primary and Redis, with a data folder of its own that starts
    /// empty but for the people's-data key file, copied from the first as the operator does. Started at first use.
    /// </summary>
    public async Task<RunningPortal> SecondOriginAsync()
    {
        await _secondOriginLock.WaitAsync();
        try
        {
            if (_secondOrigin is not null) return _secondOrigin;
            var data = Path.Combine(_folders.Path, "origin2");
            var key = new Storage.PortalPaths(data).PersonalDataKeyFile;
            Directory.CreateDirectory(Path.GetDirectoryName(key)!);
            File.Copy(Origin.Settings.Paths.PersonalDataKeyFile, key);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            _secondOrigin = await RunningPortal.StartAsync(DatabaseOptions.Postgres(Database.PrimaryConnectionString),
                dataDirectory: data, adjustSettings: settings => settings with { Redis = Redis.Configuration });
            return _secondOrigin;
        }
        finally
        {
            _secondOriginLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_secondOrigin is not null) await _secondOrigin.DisposeAsync();
        Front?.Dispose();
        foreach (var node in Nodes) node.Dispose();
        await Room.DisposeAsync();
        await Origin.DisposeAsync();
        await Redis.DisposeAsync();
        await Database.DisposeAsync();
        _folders.Dispose();
    }
}

/// <summary>The test classes of one cluster: it is started once for all of them, and they run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<OriginAndNodes>
{
    public const string Name = "cluster of origins and nodes";
}
