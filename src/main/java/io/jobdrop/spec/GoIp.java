package io.jobdrop.spec;

/**
 * Go's {@code net.ParseIP} as a yes/no answer, without touching DNS (Java's InetAddress would resolve names). Go 1.22+
 * parses with {@code netip.ParseAddr} and refuses zones: IPv4 is exactly four decimal fields 0-255 without leading
 * zeros; IPv6 is up to eight hex groups with at most one {@code ::} and an optional trailing IPv4.
 */
final class GoIp {

    private GoIp() {
    }

    static boolean isIp(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '.':
                    return isIpv4(s);
                case ':':
                    return isIpv6(s);
                case '%':
                    return false;
                default:
                    break;
            }
        }
        return false;
    }

    static boolean isIpv4(String s) {
        int value = 0;
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return false;
                }
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.' || dots == 3) {
                    return false;
                }
                dots++;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        return dots == 3;
    }

    private static boolean isIpv6(String in) {
        if (in.indexOf('%') >= 0) {
            return false;
        }
        String s = in;
        int ellipsis = -1;
        if (s.startsWith("::")) {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return true;
            }
        }
        int filled = 0;
        while (filled < 16) {
            int off = 0;
            int acc = 0;
            for (; off < s.length(); off++) {
                int digit = Character.digit(s.charAt(off), 16);
                if (digit < 0 || s.charAt(off) > 'f') {
                    break;
                }
                acc = (acc << 4) + digit;
                if (off > 3 || acc > 0xFFFF) {
                    return false;
                }
            }
            if (off == 0) {
                return false;
            }
            if (off < s.length() && s.charAt(off) == '.') {
                if (ellipsis < 0 && filled != 12 || filled + 4 > 16) {
                    return false;
                }
                if (!isIpv4(s)) {
                    return false;
                }
                s = "";
                filled += 4;
                break;
            }
            filled += 2;
            s = s.substring(off);
            if (s.isEmpty()) {
                break;
            }
            if (s.charAt(0) != ':' || s.length() == 1) {
                return false;
            }
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    return false;
                }
                ellipsis = filled;
                s = s.substring(1);
                if (s.isEmpty()) {
                    break;
                }
            }
        }
        if (!s.isEmpty()) {
            return false;
        }
        return filled < 16 ? ellipsis >= 0 : ellipsis < 0;
    }
}
