using System.Diagnostics;
using System.Globalization;
using GovPortal.Bench;
using GovPortal.Hosting;
using GovPortal.Storage;

// Usage:
//   GovPortal.Bench generate DATA_DIR [ARTICLES=100000]
//   GovPortal.Bench publish DATA_DIR
//   GovPortal.Bench incremental DATA_DIR [RUNS=50]
//   GovPortal.Bench search DATA_DIR [QUERIES_FILE=bench/search-queries.txt]
//   GovPortal.Bench pictures DATA_DIR [PHOTOS=200]   (see bench/pictures.sh)
//   GovPortal.Bench generate-platform DATA_DIR SITES TOTAL_ARTICLES   (see bench/platform.sh)
//   GovPortal.Bench publish-platform DATA_DIR
//   GovPortal.Bench incremental-platform DATA_DIR RUNS SITE_CODE
//   GovPortal.Bench flood BASE_URL DATA_DIR PORTAL_PID RATE PHASES [ADDRESSES] [SEED]   (see bench/flood.sh)
//   GovPortal.Bench export-hugo DATA_DIR OUT_DIR [LAYOUTS=bench/hugo/layouts]   (see bench/hugo.sh)
//   GovPortal.Bench generate-postgres CONNECTION_STRING [ARTICLES=100000]   (see bench/cluster.sh)
//   GovPortal.Bench cluster-visibility DATA_DIR CONNECTION_STRING REDIS RUNS NODE_URL...
//   GovPortal.Bench manifest-memory DATA_DIR [PAGES=200000]
// Each measuring command prints a markdown table row for docs/benchmarks.md.
if (args.Length > 0 && args[0] == "flood") return await GovPortal.Bench.Flood.FloodCommand.RunAsync(args[1..]);
// These two take a PostgreSQL connection string, not a data folder.
if (args.Length > 1 && args[0] == "generate-postgres")
{
    var generating = Stopwatch.StartNew();
    await CorpusGenerator.GeneratePostgresAsync(args[1],
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000);
    Console.Error.WriteLine($"generated in {generating.Elapsed.TotalSeconds:0.0} s");
    return 0;
}
if (args.Length > 0 && args[0] == "cluster-visibility")
{
    if (args.Length < 6)
    {
        Console.Error.WriteLine("usage: GovPortal.Bench cluster-visibility DATA_DIR CONNECTION_STRING REDIS RUNS " +
                                "NODE_URL...");
        return 2;
    }
    Console.WriteLine(await ClusterBenchmarks.VisibilityAsync(args[1], args[2], args[3],
        int.Parse(args[4], CultureInfo.InvariantCulture), [.. args[5..].Select(url => new Uri(url))]));
    return 0;
}
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: GovPortal.Bench generate|publish|incremental DATA_DIR [N]");
    return 2;
}

var paths = new PortalPaths(args[1]);
// The third argument is a number for every command but these, which take a path there.
var number = args.Length > 2 && args[0] is not
    ("search" or "search-platform" or "search-platform-profile" or "export-hugo")
    ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)
    : 0;
switch (args[0])
{
    case "generate":
        var watch = Stopwatch.StartNew();
        await CorpusGenerator.GenerateAsync(paths, number > 0 ? number : 100_000);
        Console.Error.WriteLine($"generated in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    case "publish":
        Console.WriteLine(await PublishBenchmarks.FullPublishAsync(paths));
        return 0;
    case "incremental":
        Console.WriteLine(await PublishBenchmarks.IncrementalAsync(paths, number > 0 ? number : 50));
        return 0;
    case "search":
        // SEARCH_QUERIES_ONLY=1: only the query latencies on the existing index, for quick comparisons.
        var queriesOnly = Environment.GetEnvironmentVariable("SEARCH_QUERIES_ONLY") == "1";
        Console.WriteLine(await SearchBenchmarks.RunAsync(paths, args.Length > 2 ? args[2] : "bench/search-queries.txt",
            rebuild: !queriesOnly, withLike: !queriesOnly));
        return 0;
    case "generate-platform":
        var started = Stopwatch.StartNew();
        await PlatformBenchmarks.GenerateAsync(paths, number, int.Parse(args[3], CultureInfo.InvariantCulture));
        Console.Error.WriteLine($"generated in {started.Elapsed.TotalSeconds:0.0} s");
        return 0;
    case "publish-platform":
        Console.WriteLine(await PlatformBenchmarks.PublishAsync(paths));
        return 0;
    case "incremental-platform":
        Console.WriteLine(await PlatformBenchmarks.IncrementalAsync(paths, number, args[3]));
        return 0;
    case "search-platform":
        Console.WriteLine(await PlatformSearchBenchmarks.RunAsync(paths,
            args.Length > 2 ? args[2] : "bench/search-queries.txt"));
        return 0;
    case "search-platform-profile":
        Console.WriteLine(await PlatformSearchProfile.RunAsync(paths,
            args.Length > 2 ? args[2] : "bench/search-queries.txt", merged: args.Length > 3 && args[3] == "merged"));
        return 0;
    case "pictures":
        Console.WriteLine(await PictureBenchmarks.AttachAsync(paths, number > 0 ? number : 200));
        return 0;
    case "listings":
        Console.WriteLine(await StageProfile.ListingsAsync(paths));
        return 0;
    case "export-hugo":
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: GovPortal.Bench export-hugo DATA_DIR OUT_DIR [LAYOUTS_DIR]");
            return 2;
        }
        Console.Error.WriteLine(await HugoExport.ExportAsync(paths, args[2],
            args.Length > 3 ? args[3] : "bench/hugo/layouts"));
        return 0;
    case "manifest-memory":
        Console.WriteLine(ManifestMemory.Run(args[1], number > 0 ? number : 200_000));
        return 0;
    case "profile":
        Console.WriteLine(await StageProfile.RunAsync(paths, number > 0 ? number : 2000));
        return 0;
    default:
        Console.Error.WriteLine($"unknown command {args[0]}");
        return 2;
}
