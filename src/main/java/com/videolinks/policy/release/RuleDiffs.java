package com.videolinks.policy.release;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.modulith.NamedInterface;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleFile;

/** Unified diffs between two rule bundles, file by file (only files that differ). */
@org.springframework.stereotype.Component
@NamedInterface("releases")
public class RuleDiffs {

    public Map<String, String> unified(RuleBundle from, String fromLabel, RuleBundle to, String toLabel) {
        Map<String, String> before = contents(from);
        Map<String, String> after = contents(to);
        Map<String, String> diffs = new LinkedHashMap<>();
        for (String name : new TreeSet<>(union(before, after))) {
            List<String> a = lines(before.get(name));
            List<String> b = lines(after.get(name));
            if (a.equals(b)) {
                continue;
            }
            Patch<String> patch = DiffUtils.diff(a, b);
            List<String> text = UnifiedDiffUtils.generateUnifiedDiff(fromLabel + "/" + name, toLabel + "/" + name, a, patch, 3);
            diffs.put(name, String.join("\n", text));
        }
        return diffs;
    }

    private static Map<String, String> contents(RuleBundle bundle) {
        Map<String, String> contents = new LinkedHashMap<>();
        for (RuleFile file : bundle.files()) {
            contents.put(file.name(), file.content());
        }
        return contents;
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private static List<String> lines(String content) {
        return content == null ? List.of() : Arrays.asList(content.split("\n", -1));
    }
}
