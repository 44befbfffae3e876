package org.safereg.exchange;

import java.util.Locale;

/** The file formats exchanged, with the media type each travels as. */
enum Format {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JSONL("application/x-ndjson", "jsonl");

    static final String NAMES = "csv, xlsx, jsonl";

    final String mediaType;
    final String extension;

    Format(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The format named by a parameter (csv, xlsx, jsonl), or null when it names none. */
    static Format named(String name) {
        if (name == null) {
            return null;
        }
        for (Format format : values()) {
            if (format.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        return null;
    }

    /** The format a request's content type says, or null. */
    static Format ofMediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (Format format : values()) {
            if (format.mediaType.equals(type)) {
                return format;
            }
        }
        return "application/jsonl".equals(type) || "application/jsonlines".equals(type) ? JSONL : null;
    }
}
