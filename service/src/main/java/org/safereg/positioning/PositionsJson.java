package org.safereg.positioning;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads a batch of position events as a tree, so that each item can be judged on its own. */
final class PositionsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PositionsJson() {}

    static JsonNode parse(byte[] body) throws JsonParseException, IOException {
        return JSON.readTree(body);
    }
}
