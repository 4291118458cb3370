package dev.vigil.console.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Turns a request the appliance cannot serve in its present state ({@link IllegalStateException}: no pinned update
 * root, a damaged switch store) into 409 with {@code {"error":"conflict","message":…}} saying what to fix.
 */
@Singleton
@Produces
@Requires(classes = {IllegalStateException.class, ExceptionHandler.class})
public class ApiConflicts implements ExceptionHandler<IllegalStateException, HttpResponse<Map<String, String>>> {

    @Override
    public HttpResponse<Map<String, String>> handle(HttpRequest request, IllegalStateException exception) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.CONFLICT)
                .body(Map.of("error", "conflict", "message", String.valueOf(exception.getMessage())));
    }
}
