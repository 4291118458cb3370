package dev.vigil.analyst.anomaly;

import dev.vigil.event.NormalizedEvent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A logon attempt read from a normalised event: who, from where, and whether it succeeded. Pure.
 *
 * <p>Recognised, in this order: Windows Security 4624 (success) and 4625 (failure), whose account is the target user
 * ({@code user.target.name}, {@code TargetUserName}), not the subject; CloudTrail {@code ConsoleLogin}, whose outcome
 * is {@code responseElements.ConsoleLogin} and whose user is {@code user.name} or else {@code user.id} (the root ARN);
 * and any event with {@code event.category} authentication and {@code event.outcome} success or failure (linux-auth's
 * sshd, cef, generic JSON). The source is {@code source.ip}, else a source host field the connector gives
 * ({@code source.address}, {@code source.domain}, {@code IpAddress}, {@code WorkstationName}); "-" and empty values
 * count as absent. A logon without a user or a source (console logons, su) is not one a source baseline can judge.
 *
 * @param user    the account that logged on, as the source spells it
 * @param source  the address (or host name) it came from
 * @param success whether it succeeded
 */
public record Logon(String user, String source, boolean success) {

    private static final List<String> SOURCES = List.of("source.ip", "source.address", "source.domain", "IpAddress",
            "WorkstationName");

    /** The logon the event records, or empty when it records none a source baseline can judge. */
    public static Optional<Logon> of(NormalizedEvent event) {
        if (event.hasParseError()) {
            return Optional.empty();
        }
        String code = event.text("event.code");
        Boolean success = null;
        String user = null;
        if ("4624".equals(code) || "4625".equals(code)) {
            success = "4624".equals(code);
            user = first(event, "user.target.name", "TargetUserName");
        } else if ("ConsoleLogin".equals(event.text("event.action"))) {
            success = outcome(event.text("responseElements.ConsoleLogin"));
            user = first(event, "user.name", "user.id");
        } else if (authentication(event.field("event.category"))) {
            success = outcome(event.text("event.outcome"));
            user = first(event, "user.name");
        }
        String source = first(event, SOURCES.toArray(String[]::new));
        if (success == null || user == null || source == null) {
            return Optional.empty();
        }
        return Optional.of(new Logon(user, source, success));
    }

    private static boolean authentication(Object category) {
        if (category instanceof List<?> list) {
            return list.stream().anyMatch(c -> "authentication".equals(String.valueOf(c)));
        }
        return "authentication".equals(category);
    }

    private static Boolean outcome(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "success" -> Boolean.TRUE;
            case "failure" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String first(NormalizedEvent event, String... fields) {
        for (String f : fields) {
            String v = event.text(f);
            if (v != null && !v.isBlank() && !v.strip().equals("-")) {
                return v.strip();
            }
        }
        return null;
    }
}
