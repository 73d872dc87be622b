package com.videolinks.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/** Calls the HTTP API as one user, the way a client would: a token from the sign-in endpoint, then Bearer. */
public final class Api {

    public static final String PASSWORD = As.PASSWORD;

    private final MockMvc mvc;
    private final String username;
    private final String password;
    private String token;

    public Api(MockMvc mvc, String username) {
        this(mvc, username, PASSWORD);
    }

    /** The user {@link As} names, signing in as a client would. */
    public Api(MockMvc mvc, As caller) {
        this(mvc, caller.username(), PASSWORD);
    }

    public Api(MockMvc mvc, String username, String password) {
        this.mvc = mvc;
        this.username = username;
        this.password = password;
    }

    /** This user's bearer token, obtained once from POST /api/auth/token as a client would. */
    public String token() throws Exception {
        if (token == null) {
            token = Tokens.signIn(mvc, username, password);
        }
        return token;
    }

    public ResultActions get(String path) throws Exception {
        return send(MockMvcRequestBuilders.get(path));
    }

    public ResultActions post(String path, String json) throws Exception {
        return send(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public ResultActions put(String path, String json) throws Exception {
        return send(MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public ResultActions delete(String path) throws Exception {
        return send(MockMvcRequestBuilders.delete(path));
    }

    /** POSTs and returns the new resource's id; fails when the API did not answer 201. */
    public long create(String path, String json) throws Exception {
        var response = post(path, json).andReturn().getResponse();
        if (response.getStatus() != 201) {
            throw new AssertionError("POST " + path + " answered " + response.getStatus() + ": " + response.getContentAsString());
        }
        Number id = JsonPath.read(response.getContentAsString(), "$.id");
        return id.longValue();
    }

    private ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Tokens.bearer(token())));
    }
}
