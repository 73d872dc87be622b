package com.videolinks.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/**
 * Bearer tokens for tests. {@link #signIn} asks the service's own issuer (POST /api/auth/token) for a local user's
 * token; {@link #bearer} puts any token (local, or the host's from {@link HostIssuer}) on a MockMvc request.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String signIn(MockMvc mvc, String username, String password) throws Exception {
        var response = mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username).param("password", password)).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new AssertionError("sign-in of " + username + " answered " + response.getStatus() + ": " + response.getContentAsString());
        }
        return JsonPath.read(response.getContentAsString(), "$.access_token");
    }

    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }
}
