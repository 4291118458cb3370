package dev.vigil.audit.syslog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict RFC 5424 parser for tests: header, structured data with escapes, and message; throws naming what is
 * wrong.
 */
record Syslog5424(int pri, Instant timestamp, String hostName, String appName, String procId, String msgId,
                  Map<String, Map<String, String>> structuredData, String message) {

    static Syslog5424 parse(String text) {
        int[] pos = {0};
        expect(text, pos, '<');
        int close = text.indexOf('>', pos[0]);
        if (close < 0 || close - pos[0] > 3) {
            throw new IllegalArgumentException("bad PRI in " + text);
        }
        int pri = Integer.parseInt(text.substring(pos[0], close));
        if (pri > 191) {
            throw new IllegalArgumentException("PRI " + pri + " out of range");
        }
        pos[0] = close + 1;
        if (!text.startsWith("1 ", pos[0])) {
            throw new IllegalArgumentException("VERSION is not 1 in " + text);
        }
        pos[0] += 2;
        String ts = token(text, pos, 64);
        Instant time = Instant.parse(ts);
        int dot = ts.indexOf('.');
        if (dot >= 0 && ts.length() - dot - 2 > 6) {
            throw new IllegalArgumentException("TIMESTAMP has more than 6 fractional digits: " + ts);
        }
        String host = token(text, pos, 255);
        String app = token(text, pos, 48);
        String proc = token(text, pos, 128);
        String msgId = token(text, pos, 32);
        Map<String, Map<String, String>> sd = new LinkedHashMap<>();
        if (text.startsWith("-", pos[0])) {
            pos[0]++;
        } else {
            while (pos[0] < text.length() && text.charAt(pos[0]) == '[') {
                pos[0]++;
                String id = name(text, pos);
                Map<String, String> params = new LinkedHashMap<>();
                while (text.charAt(pos[0]) == ' ') {
                    pos[0]++;
                    String name = name(text, pos);
                    expect(text, pos, '=');
                    expect(text, pos, '"');
                    StringBuilder value = new StringBuilder();
                    while (text.charAt(pos[0]) != '"') {
                        char c = text.charAt(pos[0]++);
                        if (c == '\\' && "\"\\]".indexOf(text.charAt(pos[0])) >= 0) {
                            c = text.charAt(pos[0]++);
                        } else if (c == ']') {
                            throw new IllegalArgumentException("unescaped ] in PARAM-VALUE of " + name);
                        }
                        value.append(c);
                    }
                    pos[0]++;
                    params.put(name, value.toString());
                }
                expect(text, pos, ']');
                if (sd.put(id, params) != null) {
                    throw new IllegalArgumentException("SD-ID " + id + " repeated");
                }
            }
            if (sd.isEmpty()) {
                throw new IllegalArgumentException("STRUCTURED-DATA is neither - nor [..] in " + text);
            }
        }
        String msg = null;
        if (pos[0] < text.length()) {
            expect(text, pos, ' ');
            msg = text.substring(pos[0]);
        }
        return new Syslog5424(pri, time, host, app, proc, msgId, sd, msg);
    }

    private static String token(String text, int[] pos, int max) {
        int end = text.indexOf(' ', pos[0]);
        if (end < 0) {
            throw new IllegalArgumentException("header ends early: " + text);
        }
        String t = text.substring(pos[0], end);
        if (t.isEmpty() || t.length() > max || !t.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("bad header field '" + t + "'");
        }
        pos[0] = end + 1;
        return t;
    }

    private static String name(String text, int[] pos) {
        int start = pos[0];
        while (pos[0] < text.length() && "= ]\"".indexOf(text.charAt(pos[0])) < 0 && text.charAt(pos[0]) > 32
                && text.charAt(pos[0]) < 127) {
            pos[0]++;
        }
        if (pos[0] == start || pos[0] - start > 32) {
            throw new IllegalArgumentException("bad SD-NAME at " + start + " in " + text);
        }
        return text.substring(start, pos[0]);
    }

    private static void expect(String text, int[] pos, char c) {
        if (pos[0] >= text.length() || text.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos[0] + " in " + text);
        }
        pos[0]++;
    }
}
