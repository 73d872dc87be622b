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
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.InternalKieBuilder;
import org.kie.internal.builder.conf.ExternaliseCanonicalModelLambdaOption;

import com.videolinks.policy.content.RuleContentPolicy;

/**
 * Compiles a rule set with the executable model into a fresh KieBase. Every build gets its own ReleaseId and
 * its module is removed from the KieRepository afterwards, so builds on different threads never mix and
 * modules do not pile up (see ENGINES.md).
 */
public final class RuleCompiler {

    private static final String RESOURCE_DIR = "src/main/resources/videolinks/rules/";
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(");
    private static final Pattern UNRESOLVED = Pattern.compile("(\\w+) cannot be resolved");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kieServices = KieServices.Factory.get();

    /** Compiles or throws {@link RuleSetRejectedException} naming file, line and column of each error. */
    public CompiledRules compile(RuleSet ruleSet, String version) {
        List<RuleProblem> problems = RulesFolder.check(ruleSet);
        if (problems.isEmpty()) {
            // #11: before anything is generated, compiled or run: the rule language is limited to what policy needs
            problems = RuleContentPolicy.check(ruleSet);
        }
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
            KieBuilder builder = ((InternalKieBuilder) kieServices.newKieBuilder(files)).withKModuleModel(moduleModel())
                    .buildAll(ExecutableModelProject.class);
            List<RuleProblem> errors = new ArrayList<>();
            for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
                RuleProblem problem = toProblem(message, ruleSet);
                if (problem != null) {
                    errors.add(problem);
                }
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
            return new CompiledRules(version, ruleSet.hash(), kieBase, ruleNames, releaseId);
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

    /**
     * The module's settings. Lambdas stay inside the generated rule classes instead of one class each: the build
     * then compiles 37 classes instead of 162 for the shipped rules and takes about half the CPU time (#15,
     * benchmarks/README.md "Edit-to-live latency"). Externalised lambdas serve kjars shared between processes and
     * native images; a version here is built and used in the same process.
     */
    private KieModuleModel moduleModel() {
        KieModuleModel model = kieServices.newKieModuleModel();
        model.setConfigurationProperty(ExternaliseCanonicalModelLambdaOption.PROPERTY_NAME, "false");
        return model;
    }

    /**
     * Maps a compiler message to the operator's file. Parser errors carry the DRL path and line; errors of the
     * executable-model code generator often carry neither, so the offending expression or method is looked up in
     * the files. Returns null for the generator's dump of the generated Java source, which repeats another error.
     */
    private static RuleProblem toProblem(Message message, RuleSet ruleSet) {
        String text = message.getText() == null ? "" : message.getText().strip().replaceAll("\\s+", " ");
        if (text.startsWith("Java source of ")) {
            return null;
        }
        String path = message.getPath();
        String drlFile = path != null && path.endsWith(".drl") ? path.substring(path.lastIndexOf('/') + 1) : null;
        if (drlFile != null && message.getLine() > 0) {
            return new RuleProblem(drlFile, message.getLine(), Math.max(message.getColumn(), 0), text);
        }
        for (String fragment : fragments(text)) {
            for (RuleFile file : ruleSet.files()) {
                if (drlFile != null && !drlFile.equals(file.name())) {
                    continue;
                }
                String[] lines = file.content().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    int at = lines[i].indexOf(fragment);
                    if (at >= 0) {
                        return new RuleProblem(file.name(), i + 1, at + 1, text);
                    }
                }
            }
        }
        return new RuleProblem(drlFile == null ? "rules" : drlFile, 0, 0, text);
    }

    /** Pieces of the operator's own text that a generator message quotes. */
    private static List<String> fragments(String text) {
        List<String> fragments = new ArrayList<>();
        Matcher method = UNDEFINED_METHOD.matcher(text);
        if (method.find()) {
            fragments.add(method.group(1) + "(");
        }
        Matcher unresolved = UNRESOLVED.matcher(text);
        if (unresolved.find()) {
            fragments.add(unresolved.group(1));
        }
        int colon = text.lastIndexOf(": ");
        if (colon >= 0 && text.length() - colon > 5) {
            fragments.add(text.substring(colon + 2).strip());
        }
        return fragments;
    }

}
