package com.videolinks.policy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the DRL files of a rules folder (not its sub-folders: {@code tests/} holds scenarios).
 * Rejects what cannot be a rule file before the compiler sees it: an empty folder, oversized or binary files.
 */
public final class RulesFolder {

    /** A real rule file is a few KB; anything this large is a mistake, not a policy. */
    public static final long MAX_FILE_BYTES = 512 * 1024;

    private RulesFolder() {
    }

    public static RuleSet read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RuleSetRejectedException(List.of(new RuleProblem(folder.toString(), 0, 0,
                    "rules folder does not exist or is not a directory")));
        }
        List<RuleFile> files = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path path : entries.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                String name = path.getFileName().toString();
                try {
                    files.add(new RuleFile(name, decode(name, Files.readAllBytes(path), problems)));
                } catch (IOException e) {
                    problems.add(new RuleProblem(name, 0, 0, "cannot be read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(new RuleProblem(folder.toString(), 0, 0, "cannot be listed: " + e.getMessage()));
        }
        RuleSet ruleSet = new RuleSet(files);
        problems.addAll(check(ruleSet));
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(problems);
        }
        return ruleSet;
    }

    /** Checks every rule set, wherever it comes from (folder, HTTP, database), before it is compiled. */
    public static List<RuleProblem> check(RuleSet ruleSet) {
        List<RuleProblem> problems = new ArrayList<>();
        if (ruleSet.files().isEmpty()) {
            problems.add(new RuleProblem("rules", 0, 0, "no .drl file found: an empty rule set would show no link anywhere"));
        }
        for (RuleFile file : ruleSet.files()) {
            if (!file.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.drl")) {
                problems.add(new RuleProblem(file.name(), 0, 0, "file names may contain only letters, digits, '.', '_' and '-' and must end in .drl"));
            }
            if (file.content().length() > MAX_FILE_BYTES) {
                problems.add(new RuleProblem(file.name(), 0, 0, "is larger than " + MAX_FILE_BYTES / 1024 + " KB"));
            }
            if (file.content().indexOf('\0') >= 0) {
                problems.add(new RuleProblem(file.name(), 0, 0, "contains binary data (NUL bytes), not DRL text"));
            }
        }
        return problems;
    }

    private static String decode(String name, byte[] bytes, List<RuleProblem> problems) {
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(new RuleProblem(name, 0, 0, "is " + bytes.length / 1024 + " KB, larger than " + MAX_FILE_BYTES / 1024 + " KB"));
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new RuleProblem(name, 0, 0, "is not UTF-8 text"));
            return "";
        }
    }
}
