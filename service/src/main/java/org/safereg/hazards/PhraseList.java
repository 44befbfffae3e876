package org.safereg.hazards;

import java.util.ArrayList;
import java.util.List;

/** A cell of hazard-types.xlsx listing synonyms: separated by 、 ， , ； ; or line breaks. */
final class PhraseList {

    private PhraseList() {}

    static List<String> split(String cell) {
        List<String> items = new ArrayList<>();
        if (cell == null) {
            return items;
        }
        for (String item : cell.split("[、，,；;\\n\\s]+")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
