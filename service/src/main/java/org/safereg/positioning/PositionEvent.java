package org.safereg.positioning;

import java.time.Instant;

/** A position event that passed validation: a card entering or leaving an area, and its place in the request. */
record PositionEvent(int index, MineArea area, String card, boolean enter, Instant at) {

    String action() {
        return enter ? "ENTER" : "LEAVE";
    }

    long areaId() {
        return area.id();
    }
}
