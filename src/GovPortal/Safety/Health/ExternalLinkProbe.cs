using System.Net;
using System.Net.Sockets;

namespace GovPortal.Safety.Health;

/// <summary>
/// Asks another site whether a linked address still answers. Used only when external checks are asked for. The
/// links come from published pages, which editors write, so the probe must not become a way to reach the server's
/// own network (SSRF): it connects only to public addresses (<see cref="PublicAddresses"/>), checked on the address
/// it actually connects to, after DNS resolution, in the connection callback (a name that resolves to a public
/// address for a check and to 127.0.0.1 for the connection gains nothing). It uses no proxy, follows no redirect by
/// itself, and follows at most <see cref="MaxRedirects"/> by hand, each target passing the same check.
/// </summary>
public sealed class ExternalLinkProbe(HttpMessageHandler handler)
{
    public const int MaxRedirects = 3;

    public static ExternalLinkProbe Default() => Guarded(PublicAddresses.IsPublic);

    /// <summary>A probe that connects only where <paramref name="mayConnect"/> allows (tests widen it).</summary>
    public static ExternalLinkProbe Guarded(Func<IPAddress, bool> mayConnect) => new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context, mayConnect, cancellationToken),
    });

    /// <returns>Null if the address answers, otherwise what went wrong, in Chinese.</returns>
    public async Task<string?> ProbeAsync(string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
            return "地址无法识别";
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = timeout };
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Head, target);
                using var response = await client.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                if (status is < 300 or >= 400 || response.Headers.Location is not { } location)
                    return status >= 400 ? $"返回 {status}" : null;
                if (hop == MaxRedirects) return $"跳转超过 {MaxRedirects} 次，未继续检查";
                var next = new Uri(target, location);
                if (next.Scheme is not ("http" or "https"))
                    return $"跳转到不是 http 或 https 的地址（{next.Scheme}:），未继续检查";
                target = next;
            }
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{timeout.TotalSeconds:0} 秒内无响应";
        }
        catch (HttpRequestException e) when (RefusedOf(e) is { } refused)
        {
            var via = target.OriginalString == url ? "" : $"（跳转到 {target}）";
            return $"未检查{via}：{refused.Message}";
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            return "无法连接";
        }
    }

    private static RefusedAddressException? RefusedOf(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is RefusedAddressException refused) return refused;
        return null;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context,
        Func<IPAddress, bool> mayConnect, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(mayConnect).ToList();
        if (allowed.Count == 0)
            throw new RefusedAddressException(addresses.Length == 0
                ? $"域名 {host} 没有解析到任何地址"
                : $"{host} 指向内网、本机或保留地址（{string.Join("、", addresses.Select(a => a.ToString()))}），" +
                  "为防止借检查访问服务器所在的内部网络，不予访问，请人工核对该链接");
        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}

/// <summary>The link check refused to connect to an address; the message (in Chinese) says why.</summary>
public sealed class RefusedAddressException(string message) : IOException(message);
