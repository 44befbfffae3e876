package org.safereg.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.safereg.engine.RuleFile;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;

/** The stored versions as policy staff read them: the list, one version with its findings, its files. */
class VersionHistory {

    private final RuleSetMapper mapper;
    private final ObjectMapper json;

    VersionHistory(RuleSetMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    List<VersionSummary> list(int limit) {
        String active = mapper.activeVersion();
        return mapper.versions(limit).stream()
                .map(row -> {
                    Findings findings = findings(row);
                    return new VersionSummary(
                            row.version(),
                            row.parentVersion(),
                            row.author(),
                            row.comment(),
                            row.createdAt(),
                            RuleSetState.valueOf(row.state()),
                            row.version().equals(active),
                            findings.problems().size(),
                            findings.warnings().size());
                })
                .toList();
    }

    VersionView version(String version) {
        return view(row(version));
    }

    /** The version when it is stored; uploading the same files twice finds the first upload. */
    Optional<VersionView> stored(String version) {
        return Optional.ofNullable(mapper.version(version)).map(this::view);
    }

    /** @throws NotFoundException when there is no such version */
    VersionRow row(String version) {
        VersionRow row = version == null ? null : mapper.version(version);
        if (row == null) {
            throw new NotFoundException(Text.of("rule-sets.unknown", "There is no rule-set version {0}.", version));
        }
        return row;
    }

    /** The version compared against: the one asked for, or the active one when none is. */
    String orActive(String against) {
        return against == null || against.isBlank() ? mapper.activeVersion() : against.trim();
    }

    FileRow file(String version, String path) {
        row(version);
        FileRow file = mapper.file(version, path);
        if (file == null) {
            throw new NotFoundException(
                    Text.of("rule-sets.unknown-file", "Rule set {0} has no file {1}.", version, path));
        }
        return file;
    }

    /** Every file of a version with its content, in path order; none for an unknown version. */
    List<FileRow> filesWithContent(String version) {
        return mapper.filesWithContent(version);
    }

    /** The files of a version as the engine compiles them. */
    List<RuleFile> ruleFiles(String version) {
        return mapper.filesWithContent(version).stream()
                .map(f -> new RuleFile(f.path(), f.content()))
                .toList();
    }

    Findings findings(VersionRow row) {
        if (row.findings() == null || row.findings().isBlank()) {
            return Findings.none();
        }
        try {
            Findings findings = json.readValue(row.findings(), Findings.class);
            return new Findings(
                    findings.problems() == null ? List.of() : findings.problems(),
                    findings.warnings() == null ? List.of() : findings.warnings(),
                    findings.examples());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable findings of rule set " + row.version(), e);
        }
    }

    private VersionView view(VersionRow row) {
        Findings findings = findings(row);
        List<VersionView.FileView> files = mapper.files(row.version()).stream()
                .map(f -> new VersionView.FileView(f.path(), f.sha256(), f.rules(), f.size()))
                .toList();
        return new VersionView(
                row.version(),
                row.parentVersion(),
                row.author(),
                row.comment(),
                row.createdAt(),
                RuleSetState.valueOf(row.state()),
                row.version().equals(mapper.activeVersion()),
                row.approvedBy(),
                row.approvedAt(),
                files,
                findings.problems(),
                findings.warnings(),
                findings.examples() == null ? null : Examples.summary(findings.examples()));
    }
}
