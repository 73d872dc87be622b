package com.videolinks.policy;

/** One DRL file of a rule set: its name inside the rules folder and its text. */
public record RuleFile(String name, String content) {

    @Override
    public String toString() {
        return "RuleFile[" + name + ", " + content.length() + " chars]";
    }
}
