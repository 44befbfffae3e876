package org.safereg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.safereg.system.OwnsTables;

/**
 * Each feature owns its tables: every table and view the migrations create belongs to exactly one feature (its
 * {@code @OwnsTables}), and a feature's mappers touch only its own tables and the views other features publish.
 * Renaming a column then breaks only the feature that owns it, and its views say what it promised others.
 */
class TableOwnershipTests {

    private static final Path MIGRATIONS = Path.of("..", "migrations");
    private static final Path MAPPERS = Path.of("src", "main", "resources", "org", "safereg");
    private static final Path FEATURES = Path.of("src", "main", "java", "org", "safereg");

    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)");
    private static final Pattern READ = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+`?([a-z_]\\w*)");
    private static final Pattern WRITTEN =
            Pattern.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+`?([a-z_]\\w*)");
    private static final Pattern SELECT_STAR = Pattern.compile("(?is)CREATE\\s+VIEW\\s+(\\w+)\\s+AS\\s+SELECT\\s+\\*");

    /** Each relation the migrations create, with the migration that creates it. */
    private static Map<String, String> created() throws IOException {
        Map<String, String> created = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                Matcher m = CREATED.matcher(withoutSqlComments(Files.readString(file)));
                while (m.find()) {
                    created.putIfAbsent(
                            m.group(2).toLowerCase(), file.getFileName().toString());
                }
            }
        }
        return created;
    }

    private record Feature(String name, Set<String> tables, Set<String> views) {}

    private static Map<String, Feature> features() throws Exception {
        Map<String, Feature> features = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(FEATURES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                Package pkg =
                        Class.forName("org.safereg." + name + ".package-info").getPackage();
                OwnsTables owns = pkg.getAnnotation(OwnsTables.class);
                if (owns != null) {
                    features.put(
                            name,
                            new Feature(
                                    name,
                                    new TreeSet<>(List.of(owns.value())),
                                    new TreeSet<>(List.of(owns.publishes()))));
                }
            }
        }
        return features;
    }

    @Test
    void everyTableAndViewHasExactlyOneOwningFeature() throws Exception {
        Map<String, String> created = created();
        Map<String, List<String>> owners = new TreeMap<>();
        features().values().forEach(f -> {
            f.tables().forEach(t -> owners.computeIfAbsent(t, k -> new ArrayList<>())
                    .add(f.name()));
            f.views().forEach(v -> owners.computeIfAbsent(v, k -> new ArrayList<>())
                    .add(f.name()));
        });

        assertThat(created.keySet())
                .as("tables and views no feature declares in its package-info @OwnsTables")
                .allSatisfy(name -> assertThat(owners).containsKey(name));
        assertThat(owners)
                .as("tables declared in @OwnsTables that no migration creates, or declared by two features")
                .allSatisfy((name, by) -> {
                    assertThat(created).as(name + " is created by a migration").containsKey(name);
                    assertThat(by).as(name + " is owned once").hasSize(1);
                });
        // the map a newcomer asks for: which migration creates a table and which feature it belongs to
        System.out.println("table or view -> migration -> feature");
        created.forEach((name, migration) -> System.out.println(name + " -> " + migration + " -> " + owners.get(name)));
    }

    @Test
    void aPublishedViewIsOverTheOwnersTablesWithItsColumnsNamed() throws Exception {
        Map<String, Feature> features = features();
        for (Path file : migrationFiles()) {
            String sql = withoutSqlComments(Files.readString(file));
            Matcher star = SELECT_STAR.matcher(sql);
            assertThat(star.find())
                    .as("%s: a view names its columns, so that an owner's new column is not a promise", file)
                    .isFalse();
            Matcher view = Pattern.compile("(?is)CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+(\\w+)\\s+AS(.*?);")
                    .matcher(sql);
            while (view.find()) {
                String name = view.group(1).toLowerCase();
                Feature owner = features.values().stream()
                        .filter(f -> f.views().contains(name))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(name + " is published by no feature"));
                assertThat(relations(READ, view.group(2)))
                        .as("view %s reads only tables of %s, its owner", name, owner.name())
                        .allSatisfy(t -> assertThat(owner.tables()).contains(t));
            }
        }
    }

    @Test
    void aMapperTouchesOnlyItsFeaturesTablesAndTheViewsOthersPublish() throws Exception {
        Map<String, Feature> features = features();
        Set<String> published = new TreeSet<>();
        features.values().forEach(f -> published.addAll(f.views()));
        Set<String> relations = created().keySet();
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> xmls = Files.walk(MAPPERS)) {
            for (Path xml :
                    xmls.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                String feature = MAPPERS.relativize(xml).getName(0).toString();
                Feature owner = features.get(feature);
                assertThat(owner)
                        .as("%s: feature %s declares @OwnsTables", xml, feature)
                        .isNotNull();
                String sql = withoutXmlComments(Files.readString(xml));
                for (String read : relations(READ, sql)) {
                    if (relations.contains(read) && !owner.tables().contains(read) && !published.contains(read)) {
                        trespasses.add(xml.getFileName() + " reads " + read + ", a table of another feature");
                    }
                }
                for (String written : relations(WRITTEN, sql)) {
                    // ON DUPLICATE KEY UPDATE names a column, not a table
                    if (relations.contains(written) && !owner.tables().contains(written)) {
                        trespasses.add(
                                xml.getFileName() + " writes " + written + ", which " + feature + " does not own");
                    }
                }
            }
        }
        assertThat(trespasses)
                .as("read another feature's data through the view it publishes or its Java API")
                .isEmpty();
    }

    private static List<Path> migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static Set<String> relations(Pattern pattern, String sql) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(sql);
        while (m.find()) {
            found.add(m.group(1).toLowerCase());
        }
        return found;
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
    }

    private static String withoutXmlComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", " ");
    }
}
