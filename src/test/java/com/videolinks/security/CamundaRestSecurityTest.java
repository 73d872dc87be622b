package com.videolinks.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import com.videolinks.support.Api;

/** Camunda's engine REST API answers without authentication by default (ENGINES.md); here only operators get in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CamundaRestSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    AppUsers users;

    @Test
    void engineRestIsClosedToAnonymousUsersAndOwnersAndOpenToOperators() {
        users.create("rest-operator", Api.PASSWORD, Role.OPERATOR, null, null);
        users.create("rest-owner", Api.PASSWORD, Role.OWNER, null, null);

        assertThat(statusOf(null)).isEqualTo(HttpStatusCode.valueOf(401));
        assertThat(statusOf("rest-owner")).isEqualTo(HttpStatusCode.valueOf(403));
        assertThat(statusOf("rest-operator")).isEqualTo(HttpStatusCode.valueOf(200));
    }

    private HttpStatusCode statusOf(String username) {
        RestClient client = RestClient.create("http://localhost:" + port);
        return client.get().uri("/engine-rest/engine")
                .headers(h -> {
                    if (username != null) {
                        h.setBasicAuth(username, Api.PASSWORD);
                    }
                })
                .exchange((request, response) -> response.getStatusCode());
    }
}
