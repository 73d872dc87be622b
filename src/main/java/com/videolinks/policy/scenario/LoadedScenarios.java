package com.videolinks.policy.scenario;

import java.util.ArrayList;
import java.util.List;

/** What a loader made of some scenario files: the scenarios that can run and the errors that stop the others. */
public record LoadedScenarios(List<Scenario> scenarios, List<ScenarioError> errors) {

    public LoadedScenarios {
        scenarios = List.copyOf(scenarios);
        errors = List.copyOf(errors);
    }

    LoadedScenarios plus(LoadedScenarios other) {
        List<Scenario> allScenarios = new ArrayList<>(scenarios);
        allScenarios.addAll(other.scenarios);
        List<ScenarioError> allErrors = new ArrayList<>(errors);
        allErrors.addAll(other.errors);
        return new LoadedScenarios(allScenarios, allErrors);
    }
}
