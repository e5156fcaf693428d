package dev.dingus.gateway.clientaddress;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address or CIDR range (10.0.0.0/8, ::1). Parsed with Netty's literal parser, never through DNS: header
 * values are attacker-written, and a host name lookup would block the event loop.
 */
record AddressRange(byte[] network, int bits) {

    static AddressRange parse(String entry) {
        String value = entry.trim();
        int slash = value.indexOf('/');
        byte[] address = literal(slash < 0 ? value : value.substring(0, slash));
        int max = address == null ? 0 : address.length * 8;
        int bits = max;
        if (address != null && slash >= 0) {
            String suffix = value.substring(slash + 1);
            bits = suffix.matches("[0-9]{1,3}") ? Integer.parseInt(suffix) : -1;
        }
        if (address == null || bits < 0 || bits > max) {
            throw new IllegalArgumentException("dingus.gateway.trusted-proxies: '" + entry
                    + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1)");
        }
        return new AddressRange(address, bits);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = bits / 8;
        if (!Arrays.equals(address, 0, full, network, 0, full)) {
            return false;
        }
        int rest = bits % 8;
        int mask = (0xFF00 >> rest) & 0xFF;
        return rest == 0 || (address[full] & mask) == (network[full] & mask);
    }

    /** The bytes of an IP literal (4 for IPv4, including IPv4-mapped IPv6; 16 for IPv6), or null. */
    static byte[] literal(String value) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(value);
        if (bytes == null) {
            return null;
        }
        try {
            // getByAddress never resolves; it turns an IPv4-mapped IPv6 address into the IPv4 one.
            return InetAddress.getByAddress(bytes).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The canonical text of an address (so "::1" and "0:0:0:0:0:0:0:1" share one rate-limit bucket). */
    static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address", e);
        }
    }
}
