package org.safereg.monitoring;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Reads a batch of readings as a tree, so that each item can be judged on its own. */
final class ReadingsJson {

    /** Gateways send NaN and Infinity as bare tokens; they are a bad reading, not a bad request. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ReadingsJson() {}

    static JsonNode parse(byte[] body) throws JsonParseException, IOException {
        return LENIENT.readTree(body);
    }
}
