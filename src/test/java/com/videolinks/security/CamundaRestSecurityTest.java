package com.videolinks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
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

    /** Camunda Modeler's deploy button posts the same multipart request (#6). */
    @Test
    void anOperatorRedeploysAProcessThroughTheRestApiAndNobodyElseCan() throws Exception {
        users.create("deploy-operator", Api.PASSWORD, Role.OPERATOR, null, null);
        users.create("deploy-owner", Api.PASSWORD, Role.OWNER, null, null);
        // asked through the engine REST API itself: with several test contexts in one JVM, Camunda's REST API serves the
        // engine registered as "default" last, which need not be this context's RepositoryService
        long before = restDefinitionCount("deploy-operator");
        // a changed file: a new version (an unchanged one would be filtered as a duplicate)
        String changed = Files.readString(Path.of("processes/course-link-update.bpmn"))
                .replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"1-rest\"");

        assertThat(deploy(null, changed)).isEqualTo(HttpStatusCode.valueOf(401));
        assertThat(deploy("deploy-owner", changed)).isEqualTo(HttpStatusCode.valueOf(403));
        assertThat(restDefinitionCount("deploy-operator")).isEqualTo(before);

        assertThat(deploy("deploy-operator", changed)).isEqualTo(HttpStatusCode.valueOf(200));
        assertThat(restDefinitionCount("deploy-operator")).isEqualTo(before + 1);
        String latest = RestClient.create("http://localhost:" + port).get()
                .uri("/engine-rest/process-definition/key/course-link-update")
                .headers(h -> h.setBearerAuth(token("deploy-operator"))).retrieve().body(String.class);
        assertThat(latest).contains("\"versionTag\":\"1-rest\"");
    }

    /**
     * #11: this test used to pass on the 401 with {@code WWW-Authenticate: Basic} that the API's Basic auth answered
     * for Cockpit's API, the very response that kept Cockpit from loading. Now: anonymous is a plain 401 (no Basic
     * challenge), a bearer token is not a Cockpit sign-in (Cockpit runs on the browser session), an operator's browser
     * session reads it (CockpitBrowserTest drives the pages).
     */
    @Test
    void cockpitsOwnApiAnswersAnonymousWithout401BasicAndIsNotOpenedByApiTokens() {
        users.create("cockpit-rest-operator", Api.PASSWORD, Role.OPERATOR, null, null);
        RestClient client = RestClient.create("http://localhost:" + port);
        ResponseEntity<String> anonymous = client.get().uri("/camunda/api/engine/engine/default/process-definition")
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(""));
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getOrEmpty("WWW-Authenticate")).noneMatch(v -> v.startsWith("Basic"));

        HttpStatusCode withToken = client.get().uri("/camunda/api/engine/engine/default/process-definition")
                .headers(h -> h.setBearerAuth(token("cockpit-rest-operator")))
                .exchange((request, response) -> response.getStatusCode());
        assertThat(withToken.value()).isEqualTo(401);
    }

    private long restDefinitionCount(String operator) {
        String count = RestClient.create("http://localhost:" + port).get()
                .uri("/engine-rest/process-definition/count?key=course-link-update")
                .headers(h -> h.setBearerAuth(token(operator))).retrieve().body(String.class);
        return Long.parseLong(count.replaceAll("\\D", ""));
    }

    private String token(String username) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", Api.PASSWORD);
        return RestClient.create("http://localhost:" + port).post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_PLAIN).body(form)
                .retrieve().body(String.class);
    }

    private HttpStatusCode deploy(String username, String bpmn) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "videolinks-processes-rest");
        form.add("enable-duplicate-filtering", "true");
        form.add("course-link-update.bpmn", new ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "course-link-update.bpmn";
            }
        });
        return RestClient.create("http://localhost:" + port).post().uri("/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .headers(h -> {
                    if (username != null) {
                        h.setBearerAuth(token(username));
                    }
                })
                .body(form)
                .exchange((request, response) -> response.getStatusCode());
    }

    private HttpStatusCode statusOf(String username) {
        RestClient client = RestClient.create("http://localhost:" + port);
        return client.get().uri("/engine-rest/engine")
                .headers(h -> {
                    if (username != null) {
                        h.setBearerAuth(token(username));
                    }
                })
                .exchange((request, response) -> response.getStatusCode());
    }
}
