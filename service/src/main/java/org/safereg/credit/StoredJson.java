package org.safereg.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The JSON columns of a credit decision read back as the types they were written from, for the API. */
final class StoredJson {

    private static final TypeReference<List<IndicatorPoints>> INDICATORS = new TypeReference<>() {};
    private static final TypeReference<List<CreditAssessment.Veto>> VETOES = new TypeReference<>() {};

    private final ObjectMapper json;

    StoredJson(ObjectMapper json) {
        this.json = json;
    }

    List<IndicatorPoints> indicators(String text) {
        return read(text, INDICATORS);
    }

    CreditFacts measures(String text) {
        return read(text, new TypeReference<CreditFacts>() {});
    }

    List<CreditAssessment.Veto> vetoes(String text) {
        return text == null ? List.of() : read(text, VETOES);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored credit decision is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
