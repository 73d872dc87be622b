package com.videolinks.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Deploys every {@code *.bpmn} of the processes folder when the service starts, before any request or job runs.
 * Camunda's duplicate filtering makes a restart with unchanged files deploy nothing new; a changed file becomes a
 * new version of its process. (Camunda's own classpath auto-deployment stays off: the folder is the source.)
 */
@Component
class ProcessFolderDeployer implements SmartInitializingSingleton {

    static final String DEPLOYMENT_NAME = "videolinks-processes";
    private static final Logger log = LoggerFactory.getLogger(ProcessFolderDeployer.class);

    private final RepositoryService repository;
    private final ProcessesProperties properties;

    ProcessFolderDeployer(RepositoryService repository, ProcessesProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deploy();
    }

    Deployment deploy() {
        Path folder = properties.folder().toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The processes folder " + folder + " does not exist; "
                    + "set videolinks.processes.folder to the folder holding the BPMN files");
        }
        List<Path> files = bpmnFiles(folder);
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME)
                .source(folder.toString()).enableDuplicateFiltering(true);
        for (Path file : files) {
            try {
                deployment.addString(file.getFileName().toString(), Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read process file " + file, e);
            }
        }
        if (files.isEmpty()) {
            log.warn("No *.bpmn file in {}: no process is deployed", folder);
            return null;
        }
        Deployment deployed = deployment.deploy();
        log.info("Processes from {} deployed: {} (deployment {})", folder,
                files.stream().map(f -> f.getFileName().toString()).toList(), deployed.getId());
        return deployed;
    }

    private static List<Path> bpmnFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the processes folder " + folder, e);
        }
    }
}
