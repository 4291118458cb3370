package dev.vigil.console.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A console page to render: its template under {@code src/main/jte/pages} and its model. Every page's model holds the
 * {@link Viewer} as {@code viewer}, which the shared layout needs for the navigation, the CSRF token and messages.
 *
 * <p>Also the redirect after a form post (303 See Other back to a page, with a notice or an error), so a reload never
 * re-posts a form.
 */
public final class Page {

    private final String template;
    private final Map<String, Object> model = new HashMap<>();

    private Page(String template, Viewer viewer) {
        this.template = "pages/" + template;
        model.put("viewer", viewer);
    }

    /** A page rendered from {@code pages/<template>.jte} for the viewer. */
    public static Page of(String template, Viewer viewer) {
        return new Page(template, viewer);
    }

    /** Adds a model entry (a template parameter of that name). */
    public Page with(String name, Object value) {
        model.put(name, value);
        return this;
    }

    /** The 200 response. */
    public MutableHttpResponse<ModelAndView<Map<String, Object>>> ok() {
        return status(HttpStatus.OK);
    }

    /** The response with the given status. */
    public MutableHttpResponse<ModelAndView<Map<String, Object>>> status(HttpStatus status) {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(new ModelAndView<>(template, model));
    }

    /** 303 to {@code path} with a notice shown on top of the page. */
    public static MutableHttpResponse<?> notice(String path, String notice) {
        return HttpResponse.seeOther(URI.create(withParam(path, "notice", notice)));
    }

    /** 303 to {@code path} with an error shown on top of the page. */
    public static MutableHttpResponse<?> error(String path, String error) {
        return HttpResponse.seeOther(URI.create(withParam(path, "error", error)));
    }

    static String withParam(String path, String name, String value) {
        return path + (path.contains("?") ? "&" : "?") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
