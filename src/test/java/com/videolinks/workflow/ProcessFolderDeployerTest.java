package com.videolinks.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** The top-level processes/ folder is what Camunda runs: deployed at start, unchanged files not redeployed (#4). */
@SpringBootTest
@AutoConfigureMockMvc
class ProcessFolderDeployerTest {

    @Autowired
    RepositoryService repository;

    @TempDir
    Path folder;

    @Test
    void everyBpmnOfTheProcessesFolderIsDeployedAtStartFromThatFolder() {
        ProcessDefinition provisioning = repository.createProcessDefinitionQuery()
                .processDefinitionKey("zoom-meeting-provisioning").latestVersion().singleResult();

        assertThat(provisioning).isNotNull();
        assertThat(provisioning.getResourceName()).isEqualTo("zoom-meeting-provisioning.bpmn");
        assertThat(provisioning.getHistoryTimeToLive()).isEqualTo(30);
        Deployment deployment = repository.createDeploymentQuery().deploymentId(provisioning.getDeploymentId()).singleResult();
        assertThat(deployment.getName()).isEqualTo(ProcessFolderDeployer.DEPLOYMENT_NAME);
        assertThat(deployment.getSource()).isEqualTo(Path.of("processes").toAbsolutePath().normalize().toString());
    }

    @Test
    void theConfiguredFolderIsTheSourceAndUnchangedFilesAreNotDeployedAgain() throws Exception {
        Files.writeString(folder.resolve("folder-probe.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="probe" targetNamespace="test">
                  <bpmn:process id="folder-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="probeStarted" />
                  </bpmn:process>
                </bpmn:definitions>
                """);
        ProcessFolderDeployer deployer = new ProcessFolderDeployer(repository, new ProcessesProperties(folder, "R3/PT1M", "R3/PT1M", "P1D", "P7D", "PT5S", "PT5M", "P2D", java.time.Duration.ofMinutes(5), 25));

        deployer.deploy();
        deployer.deploy();

        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("folder-probe").count()).isEqualTo(1);
        assertThatThrownBy(() -> new ProcessFolderDeployer(repository,
                new ProcessesProperties(folder.resolve("missing"), "R3/PT1M", "R3/PT1M", "P1D", "P7D", "PT5S", "PT5M", "P2D", java.time.Duration.ofMinutes(5), 25)).deploy())
                .hasMessageContaining("videolinks.processes.folder");
    }
}
