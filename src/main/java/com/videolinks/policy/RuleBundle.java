package com.videolinks.policy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What goes live together: the DRL files and the scenario files that check them ({@code tests/*.yaml}).
 * One bundle is one rule version; its hash identifies it wherever it came from (folder, HTTP, database).
 */
public record RuleBundle(RuleSet rules, Map<String, String> tests) {

    public static final String TESTS_PREFIX = "tests/";

    public RuleBundle {
        tests = new TreeMap<>(tests);
    }

    /** Every file, scenario files named {@code tests/<name>}, as stored and as sent over HTTP. */
    public List<RuleFile> files() {
        List<RuleFile> files = new ArrayList<>(rules.files());
        tests.forEach((name, content) -> files.add(new RuleFile(TESTS_PREFIX + name, content)));
        return files;
    }

    /** The inverse of {@link #files()}. */
    public static RuleBundle of(List<RuleFile> files) {
        List<RuleFile> drl = new ArrayList<>();
        Map<String, String> tests = new TreeMap<>();
        for (RuleFile file : files) {
            if (file.name().startsWith(TESTS_PREFIX)) {
                tests.put(file.name().substring(TESTS_PREFIX.length()), file.content());
            } else {
                drl.add(file);
            }
        }
        return new RuleBundle(new RuleSet(drl), tests);
    }

    /** Reads a rules folder and its {@code tests/} sub-folder; problems with the DRL files are thrown. */
    public static RuleBundle read(Path folder) {
        RuleSet rules = RulesFolder.read(folder);
        Map<String, String> tests = new TreeMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        Path testsFolder = folder.resolve("tests");
        if (Files.isDirectory(testsFolder)) {
            try (Stream<Path> entries = Files.list(testsFolder)) {
                for (Path path : entries.filter(RuleBundle::isScenarioFile).sorted().toList()) {
                    String name = path.getFileName().toString();
                    byte[] bytes = Files.readAllBytes(path);
                    if (bytes.length > RulesFolder.MAX_FILE_BYTES) {
                        problems.add(new RuleProblem(TESTS_PREFIX + name, 0, 0, "is larger than " + RulesFolder.MAX_FILE_BYTES / 1024 + " KB"));
                        continue;
                    }
                    tests.put(name, utf8(name, bytes, problems));
                }
            } catch (IOException e) {
                problems.add(new RuleProblem(testsFolder.toString(), 0, 0, "cannot be read: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(problems);
        }
        return new RuleBundle(rules, tests);
    }

    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files()) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static boolean isScenarioFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String utf8(String name, byte[] bytes, List<RuleProblem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new RuleProblem(TESTS_PREFIX + name, 0, 0, "is not UTF-8 text"));
            return "";
        }
    }
}
