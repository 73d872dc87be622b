package com.videolinks.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a rule set with the executable model into a fresh KieBase. Every build gets its own ReleaseId and
 * its module is removed from the KieRepository afterwards, so builds on different threads never mix and
 * modules do not pile up (see ENGINES.md).
 */
public final class RuleCompiler {

    private static final String RESOURCE_DIR = "src/main/resources/videolinks/rules/";
    private static final Pattern GENERATED_LOCATION = Pattern.compile("\\((\\d+):(\\d+)\\)");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kieServices = KieServices.Factory.get();

    /** Compiles or throws {@link RuleSetRejectedException} naming file, line and column of each error. */
    public CompiledRules compile(RuleSet ruleSet, String version) {
        List<RuleProblem> problems = RulesFolder.check(ruleSet);
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(problems);
        }
        ReleaseId releaseId = kieServices.newReleaseId("com.videolinks.rules", "link-policy",
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kieServices.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        for (RuleFile file : ruleSet.files()) {
            files.write(RESOURCE_DIR + file.name(), file.content());
        }
        try {
            KieBuilder builder = kieServices.newKieBuilder(files).buildAll(ExecutableModelProject.class);
            List<RuleProblem> errors = new ArrayList<>();
            for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
                errors.add(toProblem(message));
            }
            if (!errors.isEmpty()) {
                throw new RuleSetRejectedException(errors);
            }
            KieContainer container = kieServices.newKieContainer(releaseId);
            KieBaseConfiguration configuration = kieServices.newKieBaseConfiguration();
            // a rule change always builds a new KieBase, so sessions need not register with it to follow changes
            configuration.setOption(KieBaseMutabilityOption.DISABLED);
            KieBase kieBase = container.newKieBase(configuration);
            List<String> ruleNames = new ArrayList<>();
            for (KiePackage kiePackage : kieBase.getKiePackages()) {
                for (Rule rule : kiePackage.getRules()) {
                    ruleNames.add(rule.getName());
                }
            }
            if (ruleNames.isEmpty()) {
                throw new RuleSetRejectedException(List.of(new RuleProblem("rules", 0, 0, "the rule set compiles but holds no rule")));
            }
            return new CompiledRules(version, ruleSet.hash(), kieBase, ruleNames);
        } catch (RuleSetRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // the executable-model code generator throws on some malformed input instead of reporting it
            throw new RuleSetRejectedException(List.of(new RuleProblem("rules", 0, 0,
                    "the rule compiler failed: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }

    private static RuleProblem toProblem(Message message) {
        String path = message.getPath() == null ? "rules" : message.getPath();
        String file = path.startsWith(RESOURCE_DIR) ? path.substring(RESOURCE_DIR.length()) : path;
        int line = message.getLine();
        int column = message.getColumn();
        String text = message.getText() == null ? "" : message.getText().strip();
        if (line <= 0 && !path.startsWith(RESOURCE_DIR)) {
            // errors in a consequence surface in generated Java; keep the compiler's text, which names the rule
            Matcher at = GENERATED_LOCATION.matcher(text);
            file = "rules (generated code for a rule consequence)";
            if (at.find()) {
                text = text.replaceAll("\\s+", " ");
            }
        }
        return new RuleProblem(file, Math.max(line, 0), Math.max(column, 0), text.replaceAll("\\s+", " "));
    }
}
