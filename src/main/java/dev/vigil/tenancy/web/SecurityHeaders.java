package dev.vigil.tenancy.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every response that keep the console's pages from being framed by another site (clickjacking), content
 * types from being guessed, and URLs from leaking to other origins in the Referer header.
 */
@ServerFilter("/**")
public class SecurityHeaders {

    @ResponseFilter
    public void add(MutableHttpResponse<?> response) {
        response.header("X-Frame-Options", "DENY");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
    }
}
