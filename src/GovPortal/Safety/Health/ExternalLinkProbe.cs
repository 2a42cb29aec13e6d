namespace GovPortal.Safety.Health;

/// <summary>
/// Asks another site whether a linked address still answers. Used only when external checks are asked for.
/// </summary>
public sealed class ExternalLinkProbe(HttpMessageHandler handler)
{
    public static ExternalLinkProbe Default() =>
        new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) });

    /// <returns>Null if the address answers, otherwise what went wrong, in Chinese.</returns>
    public async Task<string?> ProbeAsync(string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = timeout };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            using var response = await client.SendAsync(request, cancellationToken);
            return (int)response.StatusCode >= 400 ? $"返回 {(int)response.StatusCode}" : null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{timeout.TotalSeconds:0} 秒内无响应";
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            return "无法连接";
        }
    }
}
