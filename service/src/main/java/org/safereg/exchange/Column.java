package org.safereg.exchange;

/**
 * A column of a dataset as exchanged: its name in a header or JSON key, its Chinese label (also accepted as a
 * header), and whether every row must give it.
 */
record Column(String name, String label, boolean required) {

    static Column required(String name, String label) {
        return new Column(name, label, true);
    }

    static Column optional(String name, String label) {
        return new Column(name, label, false);
    }
}
