package org.safereg.rulesets;

import java.util.List;
import java.util.Optional;
import org.safereg.engine.ActiveRuleSetSource;
import org.safereg.engine.RuleFile;

/** The files of the version activated last, for an instance that starts after an activation. */
class StoredActiveRuleSet implements ActiveRuleSetSource {

    private final RuleSetMapper mapper;

    StoredActiveRuleSet(RuleSetMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<List<RuleFile>> activeFiles() {
        String version = mapper.activeVersion();
        if (version == null) {
            return Optional.empty();
        }
        List<RuleFile> files = mapper.filesWithContent(version).stream()
                .map(f -> new RuleFile(f.path(), f.content()))
                .toList();
        return files.isEmpty() ? Optional.empty() : Optional.of(files);
    }
}
