package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.AsciiNumbers;
import io.strata.domain.shared.value.Text;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The client a session was opened from: its IP address, its user agent and the device details it
 * sent, each optional. {@link #of} checks what a client sends; the constructor takes stored values
 * as they are.
 */
public record ClientInfo(String ipAddress, String userAgent, Map<String, Object> deviceInfo) {
    public static final int USER_AGENT_MAX = 512;
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]{2,45}$");

    public ClientInfo {
        deviceInfo = Preferences.freeze(deviceInfo);
    }

    /** Checks what a client sent at login: device details within the JSON limits, an IP address, a short user agent. */
    public static ClientInfo of(String ipAddress, String userAgent, Map<String, Object> deviceInfo) {
        Map<String, Object> device = Preferences.check("deviceInfo", deviceInfo);
        return new ClientInfo(checkIp(ipAddress), Text.optional("userAgent", userAgent, USER_AGENT_MAX), device);
    }

    private static String checkIp(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String v = ip.strip();
        boolean v4 = IPV4.matcher(v).matches() && Arrays.stream(v.split("\\.")).allMatch(ClientInfo::isOctet);
        boolean v6 = v.contains(":") && IPV6.matcher(v).matches() && isIpv6Literal(v);
        if (!v4 && !v6) {
            throw new ValidationException("ipAddress", "is not an IP address");
        }
        return v;
    }

    /** Parses the literal (a text with ':' and only hex digits, ':' and '.' is never looked up in DNS). */
    /** 0 to 255 in ASCII digits (wholeNumber's -1, no number, is no octet either). */
    private static boolean isOctet(String part) {
        long octet = AsciiNumbers.wholeNumber(part);
        return octet >= 0 && octet <= 255;
    }

    private static boolean isIpv6Literal(String text) {
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
