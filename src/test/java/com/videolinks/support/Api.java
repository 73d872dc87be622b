package com.videolinks.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/** Calls the HTTP API as one user, the way a client would; who is calling is {@link As}'s business. */
public final class Api {

    public static final String PASSWORD = As.PASSWORD;

    private final MockMvc mvc;
    private final As caller;

    public Api(MockMvc mvc, As caller) {
        this.mvc = mvc;
        this.caller = caller;
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
        return mvc.perform(request.with(caller));
    }
}
