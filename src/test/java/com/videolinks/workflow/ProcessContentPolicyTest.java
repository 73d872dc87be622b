package com.videolinks.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.Api;

/**
 * #11: a BPMN may call our delegates, never run arbitrary code. Every deployment, from the processes folder or the
 * engine REST API, passes the process content policy or is refused naming the element; nothing refused is deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessContentPolicyTest {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    AppUsers users;

    private static String process(String key, String task, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                  id="definitions-%1$s" targetNamespace="test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="started" />
                    <bpmn:sequenceFlow id="toTask" sourceRef="started" targetRef="evil" />
                    %2$s
                    <bpmn:sequenceFlow id="toEnd" sourceRef="evil" targetRef="ended" />
                    <bpmn:endEvent id="ended" />
                    %3$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, task, extra);
    }

    /** process key, BPMN, what the refusal must say. */
    static List<Arguments> refused() {
        return List.of(
                Arguments.of("script-task", process("script-task", """
                        <bpmn:scriptTask id="evil" scriptFormat="groovy">
                          <bpmn:script>java.lang.Runtime.getRuntime().exec("touch /tmp/pwned")</bpmn:script>
                        </bpmn:scriptTask>""", ""), "scriptTask \"evil\""),
                Arguments.of("foreign-class", process("foreign-class",
                        "<bpmn:serviceTask id=\"evil\" camunda:class=\"org.springframework.util.FileSystemUtils\" />", ""),
                        "camunda:class \"org.springframework.util.FileSystemUtils\" is not allowed"),
                Arguments.of("runtime-exec", process("runtime-exec",
                        "<bpmn:serviceTask id=\"evil\" camunda:expression=\"${runtime.exec('touch /tmp/pwned')}\" />", ""),
                        "serviceTask \"evil\""),
                Arguments.of("engine-services", process("engine-services",
                        "<bpmn:serviceTask id=\"evil\" camunda:expression=\"${execution.getProcessEngineServices()}\" />", ""),
                        "on execution only setVariable"),
                Arguments.of("foreign-delegate", process("foreign-delegate",
                        "<bpmn:serviceTask id=\"evil\" camunda:delegateExpression=\"${processFolderDeployer}\" />", ""),
                        "the delegate expression \"${processFolderDeployer}\" is not allowed"),
                Arguments.of("script-listener", process("script-listener", """
                        <bpmn:task id="evil">
                          <bpmn:extensionElements>
                            <camunda:executionListener event="start">
                              <camunda:script scriptFormat="javascript">java.lang.System.exit(0)</camunda:script>
                            </camunda:executionListener>
                          </bpmn:extensionElements>
                        </bpmn:task>""", ""), "script in task \"evil\""),
                Arguments.of("script-condition", process("script-condition", "<bpmn:task id=\"evil\" />", """
                        <bpmn:sequenceFlow id="sideways" sourceRef="started" targetRef="ended">
                          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
                        </bpmn:sequenceFlow>"""), "scripts are not allowed (language=\"groovy\")"),
                Arguments.of("timer-bean", process("timer-bean", "<bpmn:task id=\"evil\" />", """
                        <bpmn:boundaryEvent id="late" attachedToRef="evil">
                          <bpmn:timerEventDefinition id="lateTimer">
                            <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${dataSource.getConnection()}</bpmn:timeDuration>
                          </bpmn:timerEventDefinition>
                        </bpmn:boundaryEvent>"""), "timeDuration in timerEventDefinition \"lateTimer\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void theFolderDeploymentRefusesTheProcessNamingTheElement(String key, String bpmn, String refusal, @TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve(key + ".bpmn"), bpmn);
        ProcessFolderDeployer deployer = new ProcessFolderDeployer(repository,
                new ProcessesProperties(folder, "R3/PT1M", "R3/PT1M", "P1D", "P7D", "PT5S", "PT5M", "P2D", java.time.Duration.ofMinutes(5), 25));

        assertThatThrownBy(deployer::deploy).isInstanceOf(ParseException.class)
                .hasMessageContaining("Refused by the process content policy").hasMessageContaining(refusal);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void theEngineRestApiRefusesTheProcessWith400NamingTheElement(String key, String bpmn, String refusal) {
        users.create("bpmn-op-" + key, Api.PASSWORD, Role.OPERATOR, null, null);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "refused-" + key);
        form.add(key + ".bpmn", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return key + ".bpmn";
            }
        });

        var answer = RestClient.create("http://localhost:" + port).post().uri("/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .headers(h -> h.setBearerAuth(token("bpmn-op-" + key)))
                .body(form)
                .exchange((request, response) -> new Object[] {response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)});

        assertThat((int) answer[0]).isEqualTo(400);
        assertThat((String) answer[1]).contains("ParseException").contains("Refused by the process content policy")
                .contains(refusal.replace("\"", "\\\""));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    /** An operator's bearer token from the service's own issuer (#9: the API takes no Basic credentials). */
    private String token(String username) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", Api.PASSWORD);
        return RestClient.create("http://localhost:" + port).post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_PLAIN).body(form)
                .retrieve().body(String.class);
    }

    @Test
    void theShippedProcessesAreWithinThePolicy() {
        for (String key : List.of("zoom-meeting-provisioning", "staff-onboarding", "course-link-update")) {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).as(key).isPositive();
        }
    }

    @Test
    void allowedExpressionsAreDelegatesBeanMethodsVariablesAndSetVariable() {
        assertThat(ProcessContentPolicy.expression("${courseRecipientsCounting}", true)).isNull();
        assertThat(ProcessContentPolicy.expression("${workflowRetry.cycle()}", false)).isNull();
        assertThat(ProcessContentPolicy.expression("${staffOnboardingNotifying.connected(execution)}", false)).isNull();
        assertThat(ProcessContentPolicy.expression("${execution.setVariable('endReason', 'expired')}", false)).isNull();
        assertThat(ProcessContentPolicy.expression("${recipientsPending > 0 && !superseded}", false)).isNull();
        assertThat(ProcessContentPolicy.expression("${provider == 'ZOOM'}", false)).isNull();

        assertThat(ProcessContentPolicy.expression("${workflowRetry.cycle().getClass()}", false)).isNotNull();
        assertThat(ProcessContentPolicy.expression("${workflowRetry.getClass()}", false)).isNotNull();
        assertThat(ProcessContentPolicy.expression("${staffOnboardingNotifying.connected(runtime)}", false)).isNotNull();
        assertThat(ProcessContentPolicy.expression("${execution.setVariable('x', execution.processEngine)}", false)).isNotNull();
        assertThat(ProcessContentPolicy.expression("${order['x']}", false)).isNotNull();
        assertThat(ProcessContentPolicy.expression("${x == runtime.exec('id')}", false)).isNotNull();
        assertThat(ProcessContentPolicy.expression("${workflowRetry}", true)).isNotNull();
    }
}
