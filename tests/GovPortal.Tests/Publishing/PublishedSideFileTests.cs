using System.Text;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Storage;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// A side file is parsed once per published version, parsed again when the manifest records a new one, and never
/// from bytes the manifest does not vouch for.
/// </summary>
public sealed class PublishedSideFileTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly OutputStore _store;
    private readonly List<string?> _parsed = [];
    private readonly PublishedSideFile<string> _file;

    public PublishedSideFileTests()
    {
        var paths = new PortalPaths(_data.Path);
        var layout = OutputLayout.For(paths, OutputLayout.FirstSiteCode);
        _store = new OutputStore(layout, Manifest.Open(layout.ManifestFile), new ObjectStore(paths.ObjectStoreFile),
            TimeProvider.System);
        _file = new PublishedSideFile<string>(_store, OutputLayout.WithdrawnListFile, content =>
        {
            var text = content is null ? null : Encoding.UTF8.GetString(content);
            _parsed.Add(text);
            return text ?? "无";
        });
    }

    public void Dispose() => _data.Dispose();

    private void Publish(string text)
    {
        using var batch = _store.BeginBatch();
        batch.Write(PageKey.WithdrawnList, OutputLayout.WithdrawnListFile, Encoding.UTF8.GetBytes(text));
        batch.Commit([]);
    }

    [Fact]
    public void Without_a_published_file_the_value_is_made_from_nothing_once()
    {
        Assert.Equal("无", _file.Current());
        Assert.Equal("无", _file.Current());
        Assert.Equal([null], _parsed);
    }

    [Fact]
    public void One_version_is_parsed_once_and_a_new_version_is_parsed_again()
    {
        Publish("第一版");
        Assert.Equal("第一版", _file.Current());
        Assert.Equal("第一版", _file.Current());
        Publish("第二版");
        Assert.Equal("第二版", _file.Current());
        Assert.Equal("第二版", _file.Current());
        Assert.Equal(["第一版", "第二版"], _parsed);
    }

    [Fact]
    public void A_file_changed_on_disk_is_read_from_its_true_version()
    {
        Publish("真实内容");
        File.WriteAllText(_store.FullPathOf(OutputLayout.WithdrawnListFile), "被篡改的内容！！");
        Assert.Equal("真实内容", _file.Current());
        Assert.Equal(["真实内容"], _parsed);
    }
}
