package com.videolinks.policy.release;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RuleSet;

/** The shipped rules/ folder as a bundle, and variations of it for gate tests. */
final class ShippedBundle {

    private ShippedBundle() {
    }

    static RuleBundle read() {
        return RuleBundle.read(Path.of("rules"));
    }

    /** The shipped bundle with one DRL file replaced (or added). */
    static RuleBundle withRuleFile(String name, String content) {
        RuleBundle shipped = read();
        List<RuleFile> files = new ArrayList<>(shipped.rules().files().stream().filter(f -> !f.name().equals(name)).toList());
        files.add(new RuleFile(name, content));
        return new RuleBundle(new RuleSet(files), shipped.tests());
    }

    /** The shipped bundle without one DRL file. */
    static RuleBundle without(String name) {
        RuleBundle shipped = read();
        return new RuleBundle(new RuleSet(shipped.rules().files().stream().filter(f -> !f.name().equals(name)).toList()),
                shipped.tests());
    }

    /** The shipped bundle with one rule's reason text changed: a second valid version that answers visibly differently. */
    static RuleBundle withReworded(String from, String to) {
        RuleBundle shipped = read();
        List<RuleFile> files = shipped.rules().files().stream()
                .map(f -> new RuleFile(f.name(), f.content().replace(from, to))).toList();
        return new RuleBundle(new RuleSet(files), shipped.tests());
    }

    static RuleBundle withTests(Map<String, String> tests) {
        return new RuleBundle(read().rules(), new TreeMap<>(tests));
    }

    static String content(String name) {
        return read().rules().files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
    }
}
