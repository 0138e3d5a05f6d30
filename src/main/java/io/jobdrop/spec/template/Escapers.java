package io.jobdrop.spec.template;

import io.jobdrop.spec.go.GoQuoting;

import java.nio.charset.StandardCharsets;

/** The html, js and urlquery escapers of text/template (funcs.go and net/url.QueryEscape). */
final class Escapers {
    private static final String UPPER_HEX = "0123456789ABCDEF";

    private Escapers() {
    }

    static String html(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '\0' -> "\uFFFD";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String js(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r < 0x80) {
                switch (r) {
                    case '\\' -> sb.append("\\\\");
                    case '\'' -> sb.append("\\'");
                    case '"' -> sb.append("\\\"");
                    case '<' -> sb.append("\\u003C");
                    case '>' -> sb.append("\\u003E");
                    case '&' -> sb.append("\\u0026");
                    case '=' -> sb.append("\\u003D");
                    default -> {
                        if (r < ' ') {
                            sb.append("\\u00").append(UPPER_HEX.charAt(r >> 4)).append(UPPER_HEX.charAt(r & 0xF));
                        } else {
                            sb.append((char) r);
                        }
                    }
                }
            } else if (GoQuoting.isPrint(r)) {
                sb.appendCodePoint(r);
            } else {
                String hex = Integer.toHexString(r).toUpperCase();
                sb.append("\\u").append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex);
            }
        }
        return sb.toString();
    }

    /** url.QueryEscape: only letters, digits and -_.~ stay; a space becomes '+'. */
    static String urlQuery(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 0xF));
            }
        }
        return sb.toString();
    }
}
