package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the code says by key has its Chinese, and every translation with values is a valid pattern. */
class MessagesTests {

    private static final Pattern TEXT_KEY = Pattern.compile("Text\\.of\\(\\s*\"([a-z0-9.-]+)\"\\s*,");
    private static final Pattern CONSTRAINT_KEY = Pattern.compile("message = \"\\{(safereg\\.[a-z0-9.-]+)}\"");

    @Test
    void everyKeyTheCodeUsesHasItsChinese() throws IOException {
        Properties chinese = load("/messages_zh_CN.properties");
        Set<String> used = keysIn(TEXT_KEY);
        used.addAll(keysIn(CONSTRAINT_KEY));

        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used.stream().filter(key -> !chinese.containsKey(key)).toList())
                .isEmpty();
        // what a batch carries is named by its field
        assertThat(chinese).containsKeys("body.items.readings", "body.items.positions");
    }

    @Test
    void everyConstraintKeyHasItsEnglish() throws IOException {
        Properties english = load("/messages.properties");

        assertThat(keysIn(CONSTRAINT_KEY).stream()
                        .filter(key -> !english.containsKey(key))
                        .toList())
                .isEmpty();
    }

    @Test
    void everyChineseTextWithValuesIsAMessageFormatPattern() throws IOException {
        Properties chinese = load("/messages_zh_CN.properties");

        for (String key : chinese.stringPropertyNames()) {
            String text = chinese.getProperty(key);
            assertThat(text).as(key).doesNotContain("'");
            if (text.matches(".*\\{\\d}.*")) {
                assertThatCode(() -> new MessageFormat(text).format(new Object[] {"a", "b", "c", "d", "e"}))
                        .as(key)
                        .doesNotThrowAnyException();
            }
        }
    }

    private static Set<String> keysIn(Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
