package com.videolinks.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gates every BPMN the engine parses, from the processes folder, {@code /engine-rest/deployment/create} or a
 * definition re-read from the database, with {@link ProcessContentPolicy} (#11): a refused document fails to
 * deploy, naming each element. Decision (DMN) and case (CMMN) engines are switched off: the service uses neither,
 * and both would evaluate expressions or scripts from a deployment outside this check.
 */
@Component
class ProcessContentPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new ContentCheck());
        configuration.setCustomPreBPMNParseListeners(listeners);
        configuration.setDmnEnabled(false);
        configuration.setCmmnEnabled(false);
    }

    /** Runs when the whole document is parsed, before anything is deployed, scheduled or executed. */
    static final class ContentCheck extends AbstractBpmnParseListener {

        @Override
        public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
            List<ProcessContentPolicy.Violation> violations = ProcessContentPolicy.violations(rootElement);
            if (!violations.isEmpty()) {
                throw new BpmnParseException("Refused by the process content policy: " + String.join("; ",
                        violations.stream().map(ProcessContentPolicy.Violation::message).toList()),
                        violations.get(0).element());
            }
        }
    }
}
