package org.safereg.hazards;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.safereg.engine.RuleSetSnapshot;

/**
 * The labelled hazard descriptions of {@code hazards/labelled-descriptions.csv} (id, sector, description, the
 * types a reviewer expects, space-separated, blank for a description that states no hazard), classified with a
 * rule set and scored: per type and overall (micro-averaged) precision and recall, and every description whose
 * types differ from its label.
 */
public final class LabelledDescriptions {

    public static final String RESOURCE = "hazards/labelled-descriptions.csv";

    /** One labelled description. */
    public record Labelled(String id, String sector, String description, Set<String> expected) {}

    /** A description classified otherwise than labelled: types it missed and types it should not have had. */
    public record Miss(Labelled labelled, Set<String> missed, Set<String> extra, Set<String> actual) {}

    /** Counts of one type. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : truePositives / (double) predicted;
        }

        public double recall() {
            int labelled = truePositives + falseNegatives;
            return labelled == 0 ? 1.0 : truePositives / (double) labelled;
        }

        Score plus(Score other) {
            return new Score(
                    truePositives + other.truePositives,
                    falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }
    }

    /** What a run measured. */
    public record Measurement(
            int descriptions, Map<String, Score> perType, Score overall, int exact, List<Miss> misses) {

        public String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "%d descriptions, %d classified exactly as labelled (%.1f %%)%n%n",
                    descriptions,
                    exact,
                    100.0 * exact / descriptions));
            out.append(String.format(
                    Locale.ROOT, "%-24s %5s %5s %5s %9s %7s%n", "type", "TP", "FP", "FN", "precision", "recall"));
            perType.forEach((type, s) -> out.append(row(type, s)));
            out.append(row("OVERALL (micro)", overall)).append('\n');
            out.append("Misses (").append(misses.size()).append("):\n");
            for (Miss m : misses) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %s [%s] %s%n      expected %s, got %s%s%s%n",
                        m.labelled().id(),
                        m.labelled().sector(),
                        m.labelled().description(),
                        m.labelled().expected().isEmpty()
                                ? "none"
                                : m.labelled().expected(),
                        m.actual().isEmpty() ? "none" : m.actual(),
                        m.missed().isEmpty() ? "" : "; missed " + m.missed(),
                        m.extra().isEmpty() ? "" : "; extra " + m.extra()));
            }
            return out.toString();
        }

        private static String row(String type, Score s) {
            return String.format(
                    Locale.ROOT,
                    "%-24s %5d %5d %5d %9.3f %7.3f%n",
                    type,
                    s.truePositives(),
                    s.falsePositives(),
                    s.falseNegatives(),
                    s.precision(),
                    s.recall());
        }
    }

    private LabelledDescriptions() {}

    /** The set shipped with the tests. */
    public static List<Labelled> shipped() {
        try (InputStream in = LabelledDescriptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Labelled> read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Labelled> read(String csv) {
        List<Labelled> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(csv))) {
            String header = lines.readLine();
            if (header == null || !header.startsWith("id,sector,description,expected_types")) {
                throw new IllegalArgumentException(
                        "not a labelled set: the header must be id,sector,description,expected_types");
            }
            String line;
            int number = 1;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 4) {
                    throw new IllegalArgumentException(
                            "line " + number + " has " + cells.length + " cells, not 4: " + line);
                }
                Set<String> expected = new LinkedHashSet<>();
                for (String type : cells[3].trim().split("\\s+")) {
                    if (!type.isBlank()) {
                        expected.add(type);
                    }
                }
                rows.add(new Labelled(cells[0].trim(), cells[1].trim(), cells[2].trim(), expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Classifies every description with {@code rules} (in one evaluation) and scores the result. */
    public static Measurement measure(RuleSetSnapshot rules, List<Labelled> labelled) {
        List<HazardTypes.Described> described = labelled.stream()
                .map(l -> new HazardTypes.Described(l.description(), l.sector()))
                .toList();
        List<HazardClassification> classified = HazardTypes.classifyAll(rules, described);
        Map<String, Score> perType = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        int exact = 0;
        for (int i = 0; i < labelled.size(); i++) {
            Labelled l = labelled.get(i);
            Set<String> actual = new LinkedHashSet<>(classified.get(i).types());
            Set<String> missed = new LinkedHashSet<>(l.expected());
            missed.removeAll(actual);
            Set<String> extra = new LinkedHashSet<>(actual);
            extra.removeAll(l.expected());
            Set<String> hit = new HashSet<>(actual);
            hit.retainAll(l.expected());
            hit.forEach(t -> perType.merge(t, new Score(1, 0, 0), Score::plus));
            extra.forEach(t -> perType.merge(t, new Score(0, 1, 0), Score::plus));
            missed.forEach(t -> perType.merge(t, new Score(0, 0, 1), Score::plus));
            if (missed.isEmpty() && extra.isEmpty()) {
                exact++;
            } else {
                misses.add(new Miss(l, missed, extra, actual));
            }
        }
        Score overall = perType.values().stream().reduce(new Score(0, 0, 0), Score::plus);
        return new Measurement(labelled.size(), perType, overall, exact, misses);
    }
}
