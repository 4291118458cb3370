package dev.vigil.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for tests over real sockets: keeps the cookies the appliance sets (by hand, since the harness serves plain
 * HTTP and a cookie jar would withhold Secure cookies), follows no redirects, and reads CSRF tokens from pages.
 */
public final class ConsoleBrowser {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    public final Map<String, String> cookies = new LinkedHashMap<>();

    public ConsoleBrowser(URI base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path, String accept) throws Exception {
        return send(builder(path).header("Accept", accept).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
        return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String json, String csrfHeader) throws Exception {
        HttpRequest.Builder b = builder(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfHeader != null) {
            b.header("X-CSRF-Token", csrfHeader);
        }
        return send(b);
    }

    /** Signs in through the login form; returns the answer to the form post. */
    public HttpResponse<String> signIn(String username, String password) throws Exception {
        HttpResponse<String> page = get("/login", "text/html");
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", formCsrf(page.body())));
    }

    /** The session's CSRF token, as the password page shows it to scripts. */
    public String sessionCsrf() throws Exception {
        HttpResponse<String> page = get("/account/password", "text/html");
        Matcher m = META_CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no csrf-token meta on /account/password: " + page.statusCode() + " " + page.body());
        }
        return m.group(1);
    }

    /** Changes the password through the form (the forced first step of a one-time password). */
    public HttpResponse<String> changePassword(String current, String replacement) throws Exception {
        return postForm("/account/password", Map.of("_csrf", sessionCsrf(), "current", current, "password", replacement,
                "confirm", replacement));
    }

    public static String formCsrf(String html) {
        Matcher m = FORM_CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no _csrf field in: " + html);
        }
        return m.group(1);
    }

    public static String form(Map<String, String> fields) {
        StringJoiner out = new StringJoiner("&");
        fields.forEach((k, v) -> out.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((k, v) -> header.add(k + "=" + v));
            b.header("Cookie", header.toString());
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
