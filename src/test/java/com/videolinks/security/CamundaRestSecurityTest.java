package com.videolinks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import com.videolinks.support.Api;
import com.videolinks.support.As;

/** Camunda's engine REST API answers without authentication by default (ENGINES.md); here only operators get in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CamundaRestSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    AppUsers users;
    @Autowired
    RepositoryService repository;

    @Test
    void engineRestIsClosedToAnonymousUsersAndOwnersAndOpenToOperators() {
        users.create("rest-operator", Api.PASSWORD, Role.OPERATOR, null, null);
        users.create("rest-owner", Api.PASSWORD, Role.OWNER, null, null);

        assertThat(statusOf(As.anonymous())).isEqualTo(HttpStatusCode.valueOf(401));
        assertThat(statusOf(As.owner("rest-owner"))).isEqualTo(HttpStatusCode.valueOf(403));
        assertThat(statusOf(As.operator("rest-operator"))).isEqualTo(HttpStatusCode.valueOf(200));
    }

    /** Camunda Modeler's deploy button posts the same multipart request (#6). */
    @Test
    void anOperatorRedeploysAProcessThroughTheRestApiAndNobodyElseCan() throws Exception {
        users.create("deploy-operator", Api.PASSWORD, Role.OPERATOR, null, null);
        users.create("deploy-owner", Api.PASSWORD, Role.OWNER, null, null);
        long before = repository.createProcessDefinitionQuery().processDefinitionKey("course-link-update").count();
        // a changed file: a new version (an unchanged one would be filtered as a duplicate)
        String changed = Files.readString(Path.of("processes/course-link-update.bpmn"))
                .replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"1-rest\"");

        assertThat(deploy(As.anonymous(), changed)).isEqualTo(HttpStatusCode.valueOf(401));
        assertThat(deploy(As.owner("deploy-owner"), changed)).isEqualTo(HttpStatusCode.valueOf(403));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("course-link-update").count())
                .isEqualTo(before);

        assertThat(deploy(As.operator("deploy-operator"), changed)).isEqualTo(HttpStatusCode.valueOf(200));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("course-link-update").latestVersion()
                .singleResult().getVersionTag()).isEqualTo("1-rest");
    }

    @Test
    void cockpitsOwnApiNeedsACamundaLogin() {
        HttpStatusCode cockpit = RestClient.create("http://localhost:" + port).get()
                .uri("/camunda/api/engine/engine/default/process-definition")
                .exchange((request, response) -> response.getStatusCode());
        assertThat(cockpit.value()).isIn(401, 403);
    }

    private HttpStatusCode deploy(As caller, String bpmn) {
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
                .headers(caller::applyTo)
                .body(form)
                .exchange((request, response) -> response.getStatusCode());
    }

    private HttpStatusCode statusOf(As caller) {
        RestClient client = RestClient.create("http://localhost:" + port);
        return client.get().uri("/engine-rest/engine")
                .headers(caller::applyTo)
                .exchange((request, response) -> response.getStatusCode());
    }
}
