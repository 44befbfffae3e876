package org.safereg.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * The JSON columns of plans and items: the request, population and warnings of a plan, and the fired rules
 * and focus points of an item. A column that cannot be read is a broken row, not bad input.
 */
final class PlanJson {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Integer>> ORDINALS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Map<String, Integer>>> POPULATION = new TypeReference<>() {};

    private final ObjectMapper json;

    PlanJson(ObjectMapper json) {
        this.json = json;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> strings(String text) {
        return read(text, STRINGS);
    }

    List<Integer> ordinals(String text) {
        return read(text, ORDINALS);
    }

    /** Enterprises in scope by tier, by risk and by both, as {@link PlanDraft#population()}. */
    Map<String, Map<String, Integer>> population(String text) {
        return read(text, POPULATION);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
