package com.videolinks.policy.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads rule-test scenario files (YAML, format in rules/README.md). Nothing written is ignored: an unknown or
 * duplicated key, a missing required key or a wrong value is an error naming the file, the line and the scenario,
 * and the other scenarios still load.
 */
public final class ScenarioLoader {

    /** A scenario file is a few KB; anything this large is a mistake. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ScenarioLoader() {
    }

    /** Loads every {@code .yaml}/{@code .yml} file under {@code folder}, in name order; files are named relative to it. */
    public static LoadedScenarios load(Path folder) {
        if (!Files.isDirectory(folder)) {
            return failed(folder.toString(), "tests folder does not exist or is not a directory");
        }
        Map<String, String> texts = new TreeMap<>();
        List<ScenarioError> errors = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).filter(ScenarioLoader::isYaml).sorted().toList()) {
                String name = folder.relativize(path).toString().replace('\\', '/');
                try {
                    texts.put(name, read(path));
                } catch (IOException e) {
                    errors.add(new ScenarioError(name, 0, null, "cannot be read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            return failed(folder.toString(), "cannot be listed: " + e.getMessage());
        }
        if (texts.isEmpty() && errors.isEmpty()) {
            return failed(folder.toString(), "holds no .yaml scenario file");
        }
        return load(texts).plus(new LoadedScenarios(List.of(), errors));
    }

    /** Loads scenario files given as text by file name (from HTTP or the database), in name order. */
    public static LoadedScenarios load(Map<String, String> yamlByFileName) {
        LoadedScenarios all = new LoadedScenarios(List.of(), List.of());
        for (Map.Entry<String, String> file : new TreeMap<>(yamlByFileName).entrySet()) {
            all = all.plus(load(file.getKey(), file.getValue()));
        }
        return withUniqueNames(all);
    }

    /** Loads the scenarios of one file. */
    public static LoadedScenarios load(String fileName, String yaml) {
        List<Scenario> scenarios = new ArrayList<>();
        List<ScenarioError> errors = new ArrayList<>();
        if (yaml.length() > MAX_FILE_BYTES) {
            return failed(fileName, "is larger than " + MAX_FILE_BYTES / 1024 + " KB");
        }
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                return failed(fileName, "a scenario file starts with 'scenarios:' followed by a list of scenarios");
            }
            boolean sawScenarios = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = line(parser.currentTokenLocation());
                parser.nextToken();
                if (!"scenarios".equals(key)) {
                    errors.add(new ScenarioError(fileName, keyLine, null,
                            "unknown key '" + key + "'; a scenario file holds only 'scenarios:'"));
                    parser.skipChildren();
                } else if (parser.currentToken() != JsonToken.START_ARRAY) {
                    errors.add(new ScenarioError(fileName, keyLine, null, "'scenarios' must be a list"));
                    parser.skipChildren();
                } else {
                    sawScenarios = true;
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        index++;
                        int line = line(parser.currentTokenLocation());
                        JsonNode node = parser.readValueAsTree();
                        String name = node.path("name").isTextual() ? node.path("name").asText() : "#" + index;
                        try {
                            ScenarioYaml.Entry entry = YAML.treeToValue(node, ScenarioYaml.Entry.class);
                            scenarios.add(ScenarioMapper.toScenario(fileName, line, entry));
                        } catch (JsonMappingException e) {
                            errors.add(new ScenarioError(fileName, line, name, describe(e)));
                        } catch (ScenarioFormatException e) {
                            errors.add(new ScenarioError(fileName, line, name, e.getMessage()));
                        } catch (JsonProcessingException | RuntimeException e) {
                            // one unreadable scenario must not take the rest of the suite down with it
                            errors.add(new ScenarioError(fileName, line, name, "cannot be read: " + e.getMessage()));
                        }
                    }
                }
            }
            if (!sawScenarios && errors.isEmpty()) {
                errors.add(new ScenarioError(fileName, 0, null, "missing key 'scenarios'"));
            } else if (sawScenarios && scenarios.isEmpty() && errors.isEmpty()) {
                errors.add(new ScenarioError(fileName, 0, null, "'scenarios' is empty"));
            }
        } catch (JsonProcessingException e) {
            // YAML syntax or a duplicated key: the rest of the file cannot be trusted
            errors.add(new ScenarioError(fileName, line(e.getLocation()), null, "not valid YAML: " + yamlProblem(e.getOriginalMessage())));
        } catch (IOException e) {
            errors.add(new ScenarioError(fileName, 0, null, "cannot be read: " + e.getMessage()));
        }
        return new LoadedScenarios(scenarios, errors);
    }

    /** Scenario names identify tests and reports, so a second scenario with a name already used is an error. */
    private static LoadedScenarios withUniqueNames(LoadedScenarios loaded) {
        Map<String, Scenario> byName = new HashMap<>();
        List<Scenario> unique = new ArrayList<>();
        List<ScenarioError> errors = new ArrayList<>(loaded.errors());
        for (Scenario scenario : loaded.scenarios()) {
            Scenario first = byName.putIfAbsent(scenario.name(), scenario);
            if (first == null) {
                unique.add(scenario);
            } else {
                errors.add(new ScenarioError(scenario.file(), scenario.line(), scenario.name(),
                        "the name is already used by the scenario at " + first.file() + ":" + first.line()));
            }
        }
        return new LoadedScenarios(unique, errors);
    }

    static String describe(JsonMappingException e) {
        String key = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException unknown) {
            String allowed = unknown.getKnownPropertyIds() == null ? "" : "; allowed here: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "unknown key '" + key + "'" + allowed;
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return "'" + key + "': '" + invalid.getValue() + "' is not one of "
                    + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return (key.isEmpty() ? "the scenario" : "'" + key + "'") + " must be " + kindOf(mismatch.getTargetType());
        }
        return (key.isEmpty() ? "" : "'" + key + "': ") + firstLine(e.getOriginalMessage());
    }

    private static String kindOf(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a whole number";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return "a mapping of keys (key: value)";
    }

    private static String read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES / 1024 + " KB");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static LoadedScenarios failed(String file, String message) {
        return new LoadedScenarios(List.of(), List.of(new ScenarioError(file, 0, null, message)));
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    /** SnakeYAML's message quotes the offending text under each clause; the unindented lines are the clauses. */
    private static String yamlProblem(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip).collect(Collectors.joining("; "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
