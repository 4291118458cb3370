package dev.vigil.console.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Turns a rejected request ({@link IllegalArgumentException} from validation anywhere below the API) into 400 with
 * a JSON body {@code {"error":"bad_request","message":…}} whose message names the problem.
 */
@Singleton
@Produces
@Requires(classes = {IllegalArgumentException.class, ExceptionHandler.class})
public class ApiErrors implements ExceptionHandler<IllegalArgumentException, HttpResponse<Map<String, String>>> {

    @Override
    public HttpResponse<Map<String, String>> handle(HttpRequest request, IllegalArgumentException exception) {
        return HttpResponse.badRequest(Map.of("error", "bad_request", "message", String.valueOf(exception.getMessage())));
    }
}
