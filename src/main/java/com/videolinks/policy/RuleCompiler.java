package com.videolinks.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.CanonicalKieModuleModel;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.InternalKieBuilder;
import org.kie.internal.builder.conf.ExternaliseCanonicalModelLambdaOption;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.videolinks.policy.content.RuleContentPolicy;

/**
 * Compiles a rule set with the executable model into a fresh KieBase. Each file is built on its own and its build
 * reused while its text stays the same, so a change to one file compiles one file (#15); the KieBase is put together
 * from the files' models with Drools' {@link KieBaseBuilder}. Every file build gets its own ReleaseId and its module
 * is removed from the KieRepository afterwards, so builds on different threads never mix and modules do not pile up
 * (see ENGINES.md).
 */
public final class RuleCompiler {

    private static final String RESOURCE_DIR = "src/main/resources/videolinks/rules/";
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(");
    private static final Pattern UNRESOLVED = Pattern.compile("(\\w+) cannot be resolved");
    private static final AtomicLong BUILDS = new AtomicLong();

    /** How many file builds are kept for reuse: the live version's files, a candidate's and a few earlier ones. */
    static final int KEPT_FILE_BUILDS = 48;

    private final KieServices kieServices = KieServices.Factory.get();
    /** Builds files side by side at start-up; idle threads go after a while and never hold the JVM. */
    private final ExecutorService workers = workers();
    /**
     * Each file's build by its name and exact content (#15): a candidate that changes one file compiles that file
     * only. A file's build depends on nothing but its own text and the vocabulary classes of this process, since the
     * content policy refuses everything one file could share with another (functions, globals, declared types,
     * queries); rules of different files meet only through the facts and conclusions they insert.
     */
    private final Cache<FileKey, FileBuild> builds = Caffeine.newBuilder().maximumSize(KEPT_FILE_BUILDS).build();

    /** Compiles or throws {@link RuleSetRejectedException} naming file, line and column of each error. */
    public CompiledRules compile(RuleSet ruleSet, String version) {
        List<RuleProblem> problems = RulesFolder.check(ruleSet);
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(problems);
        }
        List<FileBuild> files = buildOrReuse(ruleSet.files());
        List<RuleProblem> errors = new ArrayList<>();
        files.forEach(file -> errors.addAll(file.problems()));
        if (errors.isEmpty()) {
            errors.addAll(duplicateRuleNames(files));
        }
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        List<Model> models = new ArrayList<>();
        List<String> ruleNames = new ArrayList<>();
        List<ReleaseId> modules = new ArrayList<>();
        List<RuleProblem> nameReads = new ArrayList<>();
        for (FileBuild file : files) {
            nameReads.addAll(file.nameReads());
            models.addAll(file.models());
            file.rules().forEach(rule -> ruleNames.add(rule.name()));
            modules.add(file.releaseId());
        }
        if (ruleNames.isEmpty()) {
            throw new RuleSetRejectedException(List.of(new RuleProblem("rules", 0, 0, "the rule set compiles but holds no rule")));
        }
        KieBaseConfiguration configuration = kieServices.newKieBaseConfiguration();
        // a rule change always builds a new KieBase, so sessions need not register with it to follow changes
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        KieBase kieBase;
        try {
            kieBase = KieBaseBuilder.createKieBaseFromModel(models, configuration);
        } catch (RuntimeException e) {
            throw new RuleSetRejectedException(List.of(new RuleProblem("rules", 0, 0,
                    "the rules could not be put together: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
        return new CompiledRules(version, ruleSet.hash(), kieBase, ruleNames, modules, nameReads);
    }

    /**
     * Each file's build, reused when its text was built before. An edit usually leaves one file to build, which is
     * built right here; a start-up builds every file, side by side on the compiler's threads, which run with the
     * caller's context class loader (Drools resolves the vocabulary through it; inside the packaged jar that is
     * Spring Boot's loader, not the system one a common-pool thread would have).
     */
    private List<FileBuild> buildOrReuse(List<RuleFile> files) {
        FileBuild[] result = new FileBuild[files.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            RuleFile file = files.get(i);
            result[i] = builds.getIfPresent(new FileKey(file.name(), file.content()));
            if (result[i] == null) {
                missing.add(i);
            }
        }
        if (missing.size() == 1) {
            int only = missing.get(0);
            result[only] = buildAndKeep(files.get(only));
        } else if (!missing.isEmpty()) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            List<CompletableFuture<FileBuild>> running = new ArrayList<>();
            for (int i : missing) {
                RuleFile file = files.get(i);
                running.add(CompletableFuture.supplyAsync(() -> withLoader(loader, () -> buildAndKeep(file)), workers));
            }
            for (int n = 0; n < missing.size(); n++) {
                result[missing.get(n)] = join(running.get(n));
            }
        }
        return List.of(result);
    }

    private static ExecutorService workers() {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "rule-build");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private FileBuild buildAndKeep(RuleFile file) {
        FileBuild build = build(file);
        if (build.lasting()) {
            builds.put(new FileKey(file.name(), file.content()), build);
        }
        return build;
    }

    private static FileBuild withLoader(ClassLoader loader, Supplier<FileBuild> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static FileBuild join(CompletableFuture<FileBuild> build) {
        try {
            return build.join();
        } catch (CompletionException e) {
            // build() turns every failure into the file's problem; anything else is the compiler's own fault
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * One file on its own: the content policy, then the executable model of just this file in a module of its own
     * (fresh ReleaseId, removed from the KieRepository afterwards). Its problems are part of the result, so a file
     * that fails is not built again while it stays the same.
     */
    private FileBuild build(RuleFile file) {
        RuleSet alone = new RuleSet(List.of(file));
        // #11: before anything is generated, compiled or run: the rule language is limited to what policy needs
        RuleContentPolicy.Review review = RuleContentPolicy.review(alone);
        if (!review.refusals().isEmpty()) {
            return FileBuild.failed(review.refusals());
        }
        ReleaseId releaseId = kieServices.newReleaseId("com.videolinks.rules", "link-policy",
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kieFiles = kieServices.newKieFileSystem();
        kieFiles.generateAndWritePomXML(releaseId);
        kieFiles.write(RESOURCE_DIR + file.name(), file.content());
        try {
            KieBuilder builder = ((InternalKieBuilder) kieServices.newKieBuilder(kieFiles)).withKModuleModel(moduleModel())
                    .buildAll(ExecutableModelProject.class);
            List<RuleProblem> errors = new ArrayList<>();
            for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
                RuleProblem problem = toProblem(message, alone);
                if (problem != null) {
                    errors.add(problem);
                }
            }
            if (!errors.isEmpty()) {
                return FileBuild.failed(errors);
            }
            KieContainer container = kieServices.newKieContainer(releaseId);
            CanonicalKieModuleModel project = (CanonicalKieModuleModel) container.getClassLoader()
                    .loadClass(CanonicalKieModule.getProjectModelClassNameNameWithReleaseId(releaseId))
                    .getConstructor().newInstance();
            List<Model> models = List.copyOf(project.getModels());
            List<RuleName> rules = new ArrayList<>();
            for (Model model : models) {
                model.getRules().forEach(rule -> rules.add(new RuleName(rule.getPackage(), rule.getName())));
            }
            return new FileBuild(file.name(), releaseId, models, rules, List.of(), review.nameReads(), true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the executable-model code generator throws on some malformed input instead of reporting it
            // not kept: the same text is built again next time, in case the failure was not the text's
            return new FileBuild(file.name(), null, List.of(), List.of(), List.of(new RuleProblem(file.name(), 0, 0,
                    "the rule compiler failed: " + e.getClass().getSimpleName() + ": " + e.getMessage())), List.of(),
                    false);
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }

    /** Files are built apart, so the compiler cannot see two files naming a rule alike in one package: this does. */
    private static List<RuleProblem> duplicateRuleNames(List<FileBuild> files) {
        Map<RuleName, String> firstFile = new HashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (FileBuild file : files) {
            for (RuleName rule : file.rules()) {
                String other = firstFile.putIfAbsent(rule, file.name());
                if (other != null) {
                    problems.add(new RuleProblem(file.name(), 0, 0, "rule \"" + rule.name() + "\" is also defined in "
                            + (other.equals(file.name()) ? "this file" : other) + " (package " + rule.pkg()
                            + "); rule names must be unique within a package"));
                }
            }
        }
        return problems;
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

    private record FileKey(String name, String content) {
    }

    private record RuleName(String pkg, String name) {
    }

    /**
     * One file's build: its models and rules, or the problems that stop it; {@code lasting} when the same text
     * always gives the same result (a success, or problems the policy or the compiler found in the text).
     */
    private record FileBuild(String name, ReleaseId releaseId, List<Model> models, List<RuleName> rules,
            List<RuleProblem> problems, List<RuleProblem> nameReads, boolean lasting) {

        static FileBuild failed(List<RuleProblem> problems) {
            return new FileBuild(null, null, List.of(), List.of(), List.copyOf(problems), List.of(), true);
        }
    }
}
