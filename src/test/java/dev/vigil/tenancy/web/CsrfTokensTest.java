package dev.vigil.tenancy.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finding the CSRF token in form bodies. */
class CsrfTokensTest {

    @Test
    void theFieldOfAUrlEncodedFormIsFoundAndDecoded() {
        assertEquals(Optional.of("a+b/c="), CsrfTokens.fromUrlEncoded("x=1&_csrf=a%2Bb%2Fc%3D&y=2"));
    }

    @Test
    void aFormWithoutTheFieldHasNoToken() {
        assertEquals(Optional.empty(), CsrfTokens.fromUrlEncoded("x=1&csrf=abc"));
    }

    @Test
    void thePartOfAMultipartFormIsFound() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.zip\"\r\n\r\nPK..\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok123\r\n--XyZ--\r\n";
        assertEquals(Optional.of("XyZ"), CsrfTokens.boundary("multipart/form-data; boundary=XyZ"));
        assertEquals(Optional.of("tok123"), CsrfTokens.fromMultipart(body, "XyZ"));
    }
}
