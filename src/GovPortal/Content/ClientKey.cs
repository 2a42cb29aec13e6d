namespace GovPortal.Content;

/// <summary>
/// Whom a per-client limit counts (search, public forms, view counts, sign-in attempts): an IPv4 address, or an
/// IPv6 /64 network — one subscriber gets a whole /64, so single IPv6 addresses are free to rotate.
/// </summary>
public static class ClientKey
{
    public static string Of(System.Net.IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }
}
